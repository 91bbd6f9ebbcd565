using Esp32Mqtt.Broker.Benchmarks.Brokers;

namespace Esp32Mqtt.Broker.Benchmarks.Cli;

/// <summary>What the command line asked for.</summary>
internal sealed record BenchmarkOptions
{
    /// <summary>Repetitions per scenario and broker unless --repetitions or --quick says otherwise.</summary>
    public const int DefaultRepetitions = 5;

    /// <summary>Which brokers to measure.</summary>
    public BrokerSelection Brokers { get; init; } = BrokerSelection.Ours;

    /// <summary>Repetitions per scenario and broker.</summary>
    public int Repetitions { get; init; } = DefaultRepetitions;

    /// <summary>Shorter phases and one repetition.</summary>
    public bool Quick { get; init; }

    /// <summary>Scenario names to run; empty means all.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Result files without extension (.json and .csv are added); null means Broker.Benchmarks/results/latest.</summary>
    public string? OutputBase { get; init; }

    /// <summary>A Broker.dll to run instead of building Broker/Broker.csproj in Release.</summary>
    public string? BrokerDll { get; init; }

    /// <summary>The mosquitto program; null means look on PATH and in /usr/sbin.</summary>
    public string? MosquittoPath { get; init; }

    /// <summary>Our broker's transport (Broker:Transport): fast or mqttnet.</summary>
    public string Transport { get; init; } = OptionNames.FastTransport;

    /// <summary>Per-client queue limit for both brokers.</summary>
    public int QueueLimit { get; init; } = BrokerSettings.DefaultQueueLimit;

    /// <summary>Whether --help was given.</summary>
    public bool ShowHelp { get; init; }
}
