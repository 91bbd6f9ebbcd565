using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Cli;

/// <summary>Reads the command line into <see cref="BenchmarkOptions"/>; a mistake is a message, not an exception.</summary>
internal static class OptionsParser
{
    private const int LargestRepetitions = 100;
    private const int LargestQueueLimit = 1_000_000;

    /// <summary>The options, or an error message saying what is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> arguments, out BenchmarkOptions options, out string? error)
    {
        options = new BenchmarkOptions();
        error = null;
        string? problem = null;
        List<string> scenarios = [];
        bool repetitionsGiven = false;
        for (int index = 0; index < arguments.Count && problem is null; index++)
        {
            string argument = arguments[index];
            string? Value()
            {
                if (index + 1 < arguments.Count)
                {
                    return arguments[++index];
                }

                problem = $"{argument} needs a value";
                return null;
            }

            switch (argument)
            {
                case OptionNames.VersusMosquitto:
                    options = options with { Brokers = BrokerSelection.Both };
                    break;
                case OptionNames.Dashboard:
                    options = options with { Brokers = BrokerSelection.DashboardCost };
                    break;
                case OptionNames.Broker:
                    options = ParseBroker(Value(), options, ref problem);
                    break;
                case OptionNames.Repetitions:
                    options = options with { Repetitions = ParseNumber(argument, Value(), LargestRepetitions, ref problem) };
                    repetitionsGiven = true;
                    break;
                case OptionNames.Quick:
                    options = options with { Quick = true };
                    break;
                case OptionNames.Scenario:
                    scenarios.AddRange((Value() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case OptionNames.Output:
                    options = options with { OutputBase = Value() };
                    break;
                case OptionNames.BrokerDll:
                    options = options with { BrokerDll = Value() };
                    break;
                case OptionNames.Mosquitto:
                    options = options with { MosquittoPath = Value() };
                    break;
                case OptionNames.TransportOption:
                    string transport = Value() ?? string.Empty;
                    options = options with { Transport = transport };
                    if (transport is not (OptionNames.FastTransport or OptionNames.MqttNetTransport))
                    {
                        problem = $"{OptionNames.TransportOption} takes '{OptionNames.FastTransport}' or '{OptionNames.MqttNetTransport}', not '{transport}'";
                    }

                    break;
                case OptionNames.QueueLimit:
                    options = options with { QueueLimit = ParseNumber(argument, Value(), LargestQueueLimit, ref problem) };
                    break;
                case OptionNames.Help or OptionNames.ShortHelp:
                    options = options with { ShowHelp = true };
                    break;
                default:
                    problem = $"unknown option '{argument}' ({OptionNames.Help} lists them)";
                    break;
            }
        }

        string? unknown = scenarios.FirstOrDefault(name => ScenarioCatalog.Find(name) is null);
        if (problem is null && unknown is not null)
        {
            problem = $"unknown scenario '{unknown}'; known: {string.Join(", ", ScenarioCatalog.All.Select(scenario => scenario.Name))}";
        }

        options = options with
        {
            Scenarios = scenarios,
            Repetitions = options.Quick && !repetitionsGiven ? 1 : options.Repetitions,
        };
        error = problem;
        return error is null;
    }

    private static BenchmarkOptions ParseBroker(string? value, BenchmarkOptions options, ref string? error)
    {
        switch (value)
        {
            case BrokerNames.Ours:
                return options with { Brokers = BrokerSelection.Ours };
            case BrokerNames.Mosquitto:
                return options with { Brokers = BrokerSelection.Mosquitto };
            case null:
                return options;
            default:
                error = $"{OptionNames.Broker} takes '{BrokerNames.Ours}' or '{BrokerNames.Mosquitto}', not '{value}'";
                return options;
        }
    }

    private static int ParseNumber(string option, string? value, int largest, ref string? error)
    {
        if (value is null)
        {
            return 0;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > largest)
        {
            error = $"{option} takes a whole number from 1 to {largest}, not '{value}'";
        }

        return number;
    }
}
