using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>
/// The firmware's <see cref="Board"/>, composed as Program.cs composes it on the ESP32, from fakes for the hardware and
/// the network. <see cref="RunFor"/> plays the supervisor thread against the fake clock, so whole scenarios run without
/// sleeping.
/// </summary>
public sealed class FakeBoard
{
    public const string Id = "esp32-a1b2c3";
    public const int TelemetryPeriodMilliseconds = BoardSettings.DefaultTelemetryPeriodSeconds * 1000;

    private const int MaximumStepsPerRun = 100_000;

    private long _nextStepAt;

    public FakeBoard()
        : this(new BoardSettings(Id) { BrokerHost = "192.168.1.10" })
    {
    }

    public FakeBoard(BoardSettings settings)
    {
        Settings = settings;
        Clock = new FakeClock();
        Output = new FakeLedOutput(Clock);
        Mqtt = new FakeMqttConnection();
        Link = new FakeNetworkLink(Clock);
        BoardParts parts = new(Log, Clock, Output, Link, Mqtt, Health, Rebooter) { Random = new Random(1) };
        Board = new Board(settings, parts);

        // What the AutoResetEvent does on the board: a lost connection wakes the supervisor at once.
        Mqtt.ConnectionLost += () => _nextStepAt = Clock.NowMilliseconds;
    }

    public BoardSettings Settings { get; }

    public Board Board { get; }

    public FakeClock Clock { get; }

    public FakeLedOutput Output { get; }

    public FakeMqttConnection Mqtt { get; }

    public FakeNetworkLink Link { get; }

    public FakeRebooter Rebooter { get; } = new();

    public FakeDeviceHealth Health { get; } = new();

    public RecordingLog Log { get; } = new();

    public DeviceTopics Topics => Board.Topics;

    public LedController Led => Board.Led;

    public LedDevice Device => Board.Device;

    public ConnectionSupervisor Supervisor => Board.Supervisor;

    /// <summary>Times at which the supervisor tried to connect to the broker.</summary>
    public List<long> ConnectAttemptTimes { get; } = [];

    /// <summary>
    /// Runs the board for <paramref name="milliseconds"/> of fake time; a blocking step (joining the network takes
    /// 100 ms) may run past the end. <c>RunFor(0)</c> boots and connects.
    /// </summary>
    public void RunFor(long milliseconds)
    {
        long end = Clock.NowMilliseconds + milliseconds;
        int steps = 0;
        while (true)
        {
            while (_nextStepAt <= Clock.NowMilliseconds)
            {
                Assert.True(++steps < MaximumStepsPerRun, "the supervisor never waits");
                int attemptsBefore = Mqtt.ConnectRequests.Count;
                long stepStartedAt = Clock.NowMilliseconds;
                int wait = Supervisor.Step();
                if (Mqtt.ConnectRequests.Count > attemptsBefore)
                {
                    ConnectAttemptTimes.Add(stepStartedAt);
                }

                _nextStepAt = wait == Timeout.Infinite ? long.MaxValue : Clock.NowMilliseconds + wait;
            }

            if (Clock.NowMilliseconds >= end)
            {
                return;
            }

            Clock.Advance(Math.Min(_nextStepAt, end) - Clock.NowMilliseconds);
        }
    }

    /// <summary>Boots and connects, then lets the restore window pass with no retained state on the broker.</summary>
    public void StartAndSettle()
    {
        RunFor(0);
        RunFor(LedDevice.RestoreWindowMilliseconds);
        Assert.Equal(ConnectionState.Connected, Supervisor.State);
    }

    /// <summary>Payloads on the board's state topic, oldest first.</summary>
    public List<string> States => Mqtt.PayloadsOn(Topics.LedState);

    /// <summary>Payloads on the board's error topic, oldest first.</summary>
    public List<string> Errors => Mqtt.PayloadsOn(Topics.Error);
}
