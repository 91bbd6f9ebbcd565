namespace Esp32Mqtt.Broker.Benchmarks.Cli;

/// <summary>The --help text.</summary>
internal static class Usage
{
    /// <summary>Writes the help text.</summary>
    public static void Write(TextWriter writer)
    {
        writer.WriteLine($"""
            Broker benchmark: our broker side by side with Mosquitto.

            dotnet run -c Release --project Broker.Benchmarks -- [options]

              --vs-mosquitto        measure our broker and Mosquitto, alternating (without it: our broker only)
              --dashboard           measure what the web dashboard costs: our broker with it off, on with no page,
                                    and on with one page open, alternating (default scenarios: latency-5000, startup)
              --broker NAME         measure one broker only: ours or mosquitto
              --repetitions N       repetitions per scenario and broker (default {BenchmarkOptions.DefaultRepetitions})
              --quick               one repetition, shorter phases: to check that everything works
              --scenario NAME       run only this scenario; repeat or separate with commas. Names:
                                    {string.Join(", ", Scenarios.ScenarioCatalog.All.Select(scenario => scenario.Name))}
              --output PATH         result files PATH.json and PATH.csv (default Broker.Benchmarks/results/latest)
              --broker-dll PATH     run this Broker.dll instead of building Broker/Broker.csproj in Release
              --mosquitto PATH      the mosquitto program (default: PATH, then /usr/sbin)
              --transport NAME      our broker's transport: fast (default) or mqttnet (MQTTnet's own channel adapter)
              --queue-limit N       per-client queue limit for both brokers (default {Brokers.BrokerSettings.DefaultQueueLimit})
              --help                this text
            """);
    }
}
