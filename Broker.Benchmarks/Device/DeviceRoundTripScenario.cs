using System.Diagnostics;
using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Device;

/// <summary>
/// Command round trips through the whole loop. A simulated board (Esp32Client.Simulator, the
/// firmware's own core with an MQTTnet connection) runs against the broker; the driver publishes on <c>led</c> and
/// times until the board's new state arrives. 1,000 measured round trips after a warm-up, one at a time.
/// </summary>
internal sealed class DeviceRoundTripScenario : IScenario
{
    /// <summary>Measured round trips per run.</summary>
    public const int RoundTrips = 1_000;

    /// <summary>
    /// The fewest unmeasured round trips; the warm-up also lasts at least the run's warm-up time. A round trip takes about
    /// 0.1 ms, and .NET starts counting calls for its optimized recompilation only once no new method has been compiled
    /// for 100 ms, so 100 round trips alone (about 10 ms) left our broker's message path unoptimized for the first
    /// measured ones, and its recompilation, on a thread of its own, fell inside the measurement.
    /// </summary>
    private const int WarmUpRoundTrips = 100;
    private const string BoardId = "bench-board";
    private const double Median = 50;
    private const double NinetyNinth = 99;
    private const double NineHundredNinetyNinthPerMille = 99.9;
    private const double Complete = 100;
    private static readonly TimeSpan s_boardReady = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_roundTripTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public string Name => "device-round-trip";

    /// <inheritdoc />
    public string Title => string.Create(CultureInfo.InvariantCulture, $"device round trip: publish on led → state from the simulated board ({RoundTrips:N0})");

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        // Blocking sockets and a child process: run it off the caller's thread, as the other scenarios' clients are.
        return Task.Run(() => Measure(broker.Port, context.Timings.WarmUp, context.Cancellation), context.Cancellation);
    }

    private static ScenarioOutcome Measure(int port, TimeSpan warmUp, CancellationToken cancellation)
    {
        string stateTopic = "esp32/" + BoardId + "/led/state";
        BrokerProcess board = BrokerProcess.Start(
            "dotnet",
            [SimulatorBuild.DllPath, "--broker", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--id", BoardId, "--telemetry-seconds", "3600"],
            Path.GetTempPath());
        try
        {
            using RoundTripDriver driver = new(port, stateTopic);
            driver.WaitForFirstState(s_boardReady);
            int warmUpTrips = 0;
            long warmUpStart = Stopwatch.GetTimestamp();
            while (warmUpTrips < WarmUpRoundTrips || Stopwatch.GetElapsedTime(warmUpStart) < warmUp)
            {
                cancellation.ThrowIfCancellationRequested();
                _ = driver.RoundTrip(s_roundTripTimeout);
                warmUpTrips++;
            }

            long[] ticks = new long[RoundTrips];
            for (int trip = 0; trip < RoundTrips; trip++)
            {
                cancellation.ThrowIfCancellationRequested();
                ticks[trip] = driver.RoundTrip(s_roundTripTimeout).Ticks;
            }

            Array.Sort(ticks);
            return new ScenarioOutcome()
                .Add(Metrics.LatencyMedian, Microseconds(Percentiles.Of(ticks, Median)))
                .Add(Metrics.Latency99, Microseconds(Percentiles.Of(ticks, NinetyNinth)))
                .Add(Metrics.Latency999, Microseconds(Percentiles.Of(ticks, NineHundredNinetyNinthPerMille)))
                .Add(Metrics.Delivered, Complete)
                .Detail(string.Create(CultureInfo.InvariantCulture, $"{RoundTrips} round trips after {warmUpTrips} unmeasured"));
        }
        catch (Exception exception) when (exception is TimeoutException or IOException)
        {
            throw new IOException($"{exception.Message} The board's last lines: {board.OutputTail}", exception);
        }
        finally
        {
            board.Stop();
        }
    }

    private static double Microseconds(long timeSpanTicks)
    {
        return TimeSpan.FromTicks(timeSpanTicks).TotalMicroseconds;
    }
}
