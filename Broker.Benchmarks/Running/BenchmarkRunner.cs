using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>
/// Runs every scenario against every broker, a fresh broker process each time, alternating the brokers and
/// swapping which goes first on every repetition, so slow drift on the machine (other builds, thermal state)
/// falls on both alike.
/// </summary>
internal sealed class BenchmarkRunner
{
    private const int ScenarioColumn = -13;
    private const int BrokerColumn = -9;
    private static readonly TimeSpan s_settleBetweenRuns = TimeSpan.FromMilliseconds(500);

    private readonly IReadOnlyList<IBrokerUnderTest> _brokers;
    private readonly IReadOnlyList<IScenario> _scenarios;
    private readonly int _repetitions;
    private readonly ScenarioContext _context;
    private readonly TextWriter _log;

    /// <summary>Prepares a run; nothing starts until <see cref="RunAsync"/>.</summary>
    public BenchmarkRunner(IReadOnlyList<IBrokerUnderTest> brokers, IReadOnlyList<IScenario> scenarios, int repetitions, ScenarioContext context, TextWriter log)
    {
        _brokers = brokers;
        _scenarios = scenarios;
        _repetitions = repetitions;
        _context = context;
        _log = log;
    }

    /// <summary>Runs everything and returns the results.</summary>
    public async Task<ResultSet> RunAsync()
    {
        ResultSet results = new();
        await WarmUpAsync().ConfigureAwait(false);
        for (int repetition = 1; repetition <= _repetitions; repetition++)
        {
            IEnumerable<IBrokerUnderTest> order = repetition % 2 == 1 ? _brokers : _brokers.Reverse();
            foreach (IScenario scenario in _scenarios)
            {
                foreach (IBrokerUnderTest broker in order)
                {
                    await RunOneAsync(scenario, broker, repetition, results).ConfigureAwait(false);
                }
            }
        }

        return results;
    }

    // One start and stop of each broker first, not measured: it loads the programs into the page cache, so the
    // first measured start-up is not a cold one, and it fails early if a broker cannot start at all.
    private async Task WarmUpAsync()
    {
        foreach (IBrokerUnderTest broker in _brokers)
        {
            try
            {
                TimeSpan ready = await broker.StartAsync(_context.Cancellation).ConfigureAwait(false);
                _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up start of {broker.Name}: ready in {ready.TotalMilliseconds:N0} ms (not counted)"));
            }
            finally
            {
                broker.Stop();
            }
        }
    }

    private async Task RunOneAsync(IScenario scenario, IBrokerUnderTest broker, int repetition, ResultSet results)
    {
        _context.Cancellation.ThrowIfCancellationRequested();
        string where = string.Create(CultureInfo.InvariantCulture, $"[{repetition}/{_repetitions}] {scenario.Name,ScenarioColumn} {broker.Name,BrokerColumn}");
        try
        {
            TimeSpan ready = await broker.StartAsync(_context.Cancellation).ConfigureAwait(false);
            ScenarioOutcome outcome = await scenario.RunAsync(broker, ready, _context).ConfigureAwait(false);
            results.Add(scenario, broker.Name, repetition, outcome);
            _log.WriteLine($"{where} {Summarise(outcome)}");
        }
        catch (Exception exception) when (!_context.Cancellation.IsCancellationRequested)
        {
            results.AddProblem(scenario, broker.Name, repetition, exception.Message);
            _log.WriteLine($"{where} FAILED: {exception.Message}");
        }
        finally
        {
            broker.Stop();
        }

        // Let the kernel finish closing sockets and the generator collect its garbage before the next run.
        GC.Collect();
        await Task.Delay(s_settleBetweenRuns, _context.Cancellation).ConfigureAwait(false);
    }

    private static string Summarise(ScenarioOutcome outcome)
    {
        return string.Join("  ", outcome.Values.Select(value => $"{value.Metric.Label} {value.Metric.Format(value.Value)} {value.Metric.Unit}"));
    }
}
