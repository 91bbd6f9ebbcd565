using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Sampling;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: many connected clients that say nothing. Memory per connection is the growth of the broker's PSS
/// (and RSS) from before the clients connect to after, divided by their number; idle CPU is measured over a fixed
/// window in which no client sends anything (their keep-alive is longer than the window). The PSS growth is read again at
/// the end of that window: what the broker keeps once the connections have settled, after anything it does to give
/// memory back (our broker's MemoryTrim runs 5 s after the last connect). Last, every client pings, to check the broker
/// still serves them all.
/// </summary>
internal sealed class IdleConnectionsScenario : IScenario
{
    /// <summary>Connections in the scenario: a few classrooms' boards and phones on one PC.</summary>
    public const int Connections = 2_000;

    private const double Whole = 100;
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_pingTimeout = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public string Name => "idle";

    /// <inheritdoc />
    public string Title => string.Create(CultureInfo.InvariantCulture, $"{Connections:N0} idle connections");

    /// <inheritdoc />
    public async Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        CancellationToken cancellation = context.Cancellation;
        int processId = broker.ProcessId;
        await Task.Delay(context.Timings.IdleSettle, cancellation).ConfigureAwait(false);
        MemorySample before = ProcessMemoryReader.Read(processId);

        using IdleClientPool clients = await IdleClientPool.ConnectAsync(broker.Port, Connections, s_connectTimeout, cancellation).ConfigureAwait(false);
        await Task.Delay(context.Timings.IdleSettle, cancellation).ConfigureAwait(false);
        MemorySample after = ProcessMemoryReader.Read(processId);

        CpuWindow idle = CpuWindow.Open(processId);
        await Task.Delay(context.Timings.IdleWindow, cancellation).ConfigureAwait(false);
        (TimeSpan cpu, TimeSpan wall) = idle.Close();
        MemorySample afterIdle = ProcessMemoryReader.Read(processId);
        int answering = await clients.CountAnsweringAsync(s_pingTimeout, cancellation).ConfigureAwait(false);

        return new ScenarioOutcome()
            .Add(Metrics.PssPerConnection, (after.ProportionalKilobytes - before.ProportionalKilobytes) / (double)Connections)
            .Add(Metrics.RssPerConnection, (after.ResidentKilobytes - before.ResidentKilobytes) / (double)Connections)
            .Add(Metrics.PssPerConnectionAfterIdle, (afterIdle.ProportionalKilobytes - before.ProportionalKilobytes) / (double)Connections)
            .Add(Metrics.IdleCpu, cpu / wall * Whole)
            .Add(Metrics.ConnectionsAlive, answering * Whole / Connections)
            .Detail(string.Create(CultureInfo.InvariantCulture, $"PSS {before.ProportionalKilobytes:N0} → {after.ProportionalKilobytes:N0} → {afterIdle.ProportionalKilobytes:N0} KiB, threads {before.Threads} → {after.Threads}"));
    }
}
