using System.Text;
using BenchmarkDotNet.Attributes;
using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>
/// What the board's core costs per message in steady state (README, "How it is built"): a command arrives on
/// <c>led</c> through the board's MQTT connection rules (<see cref="MqttSessionConnection"/>), is parsed from the
/// payload bytes, drives the LED and publishes the state from cached topic and payload arrays. The Allocated column
/// must read '-' (nothing) for on, off, toggle and the state query.
/// </summary>
[MemoryDiagnoser]
public class CommandHandlingBenchmarks
{
    private static readonly byte[] s_on = Encoding.UTF8.GetBytes("on");
    private static readonly byte[] s_off = Encoding.UTF8.GetBytes("off");
    private static readonly byte[] s_toggle = Encoding.UTF8.GetBytes("TOGGLE");
    private static readonly byte[] s_query = Encoding.UTF8.GetBytes("?");
    private static readonly byte[] s_jsonOn = Encoding.UTF8.GetBytes("{\"state\":\"on\"}");

    private readonly CountingSession _mqtt = new();

    [GlobalSetup]
    public void Setup()
    {
        IdleClock clock = new();
        DeviceTopics topics = new("esp32-a1b2c3");
        MqttSessionConnection connection = new(_mqtt, new NoLog());
        connection.Connect(new MqttConnectRequest(topics.DeviceId, string.Empty, string.Empty, topics.Status, DevicePayloads.OfflineText, 15));
        LedController led = new(new NoLed(), clock);
        LedDevice device = new(topics, led, connection, clock, new FixedHealth(), new NoLog(), 60_000, FirmwareInfo.Version, null);
        device.OnConnected();

        // Finish the boot-time restore, as the retained state arriving does on a real broker.
        _mqtt.Receive(topics.LedState, s_off);
        EnsureOneStatePerCommand();
    }

    [Benchmark]
    public void Handle_on()
    {
        _mqtt.Receive(DeviceTopics.AllBoardsLed, s_on);
    }

    [Benchmark]
    public void Handle_off()
    {
        _mqtt.Receive(DeviceTopics.AllBoardsLed, s_off);
    }

    [Benchmark]
    public void Handle_toggle()
    {
        _mqtt.Receive(DeviceTopics.AllBoardsLed, s_toggle);
    }

    [Benchmark(Description = "Publish_state (query ?)")]
    public void Publish_state_on_query()
    {
        _mqtt.Receive(DeviceTopics.AllBoardsLed, s_query);
    }

    [Benchmark]
    public void Handle_json_state_on()
    {
        _mqtt.Receive(DeviceTopics.AllBoardsLed, s_jsonOn);
    }

    [Benchmark]
    public bool Parse_on_only()
    {
        return CommandParser.TryParse(s_on, out _, out _);
    }

    /// <summary>A benchmark that publishes nothing would measure nothing: check each command publishes one state.</summary>
    private void EnsureOneStatePerCommand()
    {
        foreach (byte[] payload in new[] { s_on, s_off, s_toggle, s_query, s_jsonOn })
        {
            int before = _mqtt.StatePublishes;
            _mqtt.Receive(DeviceTopics.AllBoardsLed, payload);
            if (_mqtt.StatePublishes != before + 1)
            {
                throw new InvalidOperationException($"'{Encoding.UTF8.GetString(payload)}' did not publish exactly one state.");
            }
        }
    }
}
