using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>Everything a run measured, and what went wrong, for the reports.</summary>
internal sealed class ResultSet
{
    private readonly List<ResultEntry> _entries = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _details = [];

    /// <summary>Every value, in the order measured.</summary>
    public IReadOnlyList<ResultEntry> Entries => _entries;

    /// <summary>Failed runs.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Remarks from the scenario runs that a reader must see.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Routine particulars from the scenario runs.</summary>
    public IReadOnlyList<string> Details => _details;

    /// <summary>Adds the outcome of one run.</summary>
    public void Add(IScenario scenario, string broker, int repetition, ScenarioOutcome outcome)
    {
        foreach (MetricValue value in outcome.Values)
        {
            _entries.Add(new ResultEntry(scenario.Name, broker, repetition, value.Metric, value.Value));
        }

        foreach (string note in outcome.Notes)
        {
            _notes.Add($"{scenario.Name} · {broker} · repetition {repetition}: {note}");
        }

        foreach (string detail in outcome.Details)
        {
            _details.Add($"{scenario.Name} · {broker} · repetition {repetition}: {detail}");
        }
    }

    /// <summary>Records a run that failed.</summary>
    public void AddProblem(IScenario scenario, string broker, int repetition, string problem)
    {
        _problems.Add($"{scenario.Name} · {broker} · repetition {repetition}: {problem}");
    }

    /// <summary>The values of <paramref name="metric"/> for one scenario and broker, in repetition order.</summary>
    public IReadOnlyList<double> Values(string scenario, string broker, Metric metric)
    {
        return [.. _entries.Where(entry => entry.Scenario == scenario && entry.Broker == broker && entry.Metric == metric).Select(entry => entry.Value)];
    }

    /// <summary>Every value of <paramref name="metric"/> of any scenario and broker.</summary>
    public IEnumerable<ResultEntry> All(Metric metric)
    {
        return _entries.Where(entry => entry.Metric == metric);
    }
}
