using Esp32Mqtt.Broker.Benchmarks.Measurement;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>What one scenario run measured, plus notes worth a reader's attention.</summary>
internal sealed class ScenarioOutcome
{
    private readonly List<MetricValue> _values = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _details = [];

    /// <summary>The measured values.</summary>
    public IReadOnlyList<MetricValue> Values => _values;

    /// <summary>Remarks a reader must see, such as out-of-order messages.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Routine particulars (sample counts, memory before and after), for the JSON file only.</summary>
    public IReadOnlyList<string> Details => _details;

    /// <summary>Adds a value.</summary>
    public ScenarioOutcome Add(Metric metric, double value)
    {
        _values.Add(new MetricValue(metric, value));
        return this;
    }

    /// <summary>Adds a remark.</summary>
    public ScenarioOutcome Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    /// <summary>Adds a routine particular.</summary>
    public ScenarioOutcome Detail(string detail)
    {
        _details.Add(detail);
        return this;
    }

    /// <summary>The value of <paramref name="metric"/>, if measured.</summary>
    public double? Find(Metric metric)
    {
        foreach (MetricValue value in _values)
        {
            if (value.Metric == metric)
            {
                return value.Value;
            }
        }

        return null;
    }
}
