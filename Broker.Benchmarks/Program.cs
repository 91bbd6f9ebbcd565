using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Calibration;
using Esp32Mqtt.Broker.Benchmarks.Cli;
using Esp32Mqtt.Broker.Benchmarks.Interop;
using Esp32Mqtt.Broker.Benchmarks.Reporting;
using Esp32Mqtt.Broker.Benchmarks.Running;
using Esp32Mqtt.Broker.Benchmarks.Sampling;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

// Our broker side by side with Mosquitto:
// dotnet run -c Release --project Broker.Benchmarks -- --vs-mosquitto

// 1. What to run.
if (!OptionsParser.TryParse(args, out BenchmarkOptions options, out string? error))
{
    Console.Error.WriteLine(error);
    return ExitCodes.CouldNotStart;
}

if (options.ShowHelp)
{
    Usage.Write(Console.Out);
    return ExitCodes.Success;
}

// The figures come from /proc (each broker's CPU time, memory and threads): Linux only.
if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("Broker.Benchmarks needs Linux: it reads each broker's CPU time and memory from /proc. On Windows, run it inside WSL.");
    return ExitCodes.CouldNotStart;
}

// 2. Ctrl-C, SIGTERM and any exit stop every broker this run started.
using ShutdownSignals signals = new();
try
{
    // 3. Room for the idle connections: one descriptor each here, the same again in the broker (which inherits the limit).
    const ulong DescriptorsNeeded = IdleConnectionsScenario.Connections * 2;
    _ = FileDescriptorLimit.EnsureAtLeast(DescriptorsNeeded);

    // 4. The brokers, with the same settings, and the machine they run on.
    BrokerSettings settings = BrokerSettings.Default with { QueueLimit = options.QueueLimit };
    PreparedBrokers prepared = BrokerSetup.Prepare(options, settings, Console.Out);
    using BenchmarkCertificates? certificates = prepared.Certificates;
    MachineDescription machine = MachineDescription.Collect(prepared.MosquittoVersion, prepared.MqttNetVersion);
    Console.WriteLine(machine.Describe());

    // 5. What the load generator manages on its own.
    ScenarioTimings timings = options.Quick ? ScenarioTimings.Quick
        : options.Brokers == BrokerSelection.DashboardCost ? ScenarioTimings.Settled
        : ScenarioTimings.Full;
    CalibrationResult calibration = await GeneratorCalibration.RunAsync(timings.Calibration, signals.Token);

    // 6. Every scenario against every broker, alternating.
    IReadOnlyList<IScenario> defaultScenarios = options.Brokers == BrokerSelection.DashboardCost ? ScenarioCatalog.DashboardCost : ScenarioCatalog.All;
    IReadOnlyList<IScenario> scenarios = options.Scenarios.Count == 0 ? defaultScenarios : [.. options.Scenarios.Select(name => ScenarioCatalog.Find(name)!)];
    ScenarioContext context = new(timings, settings, signals.Token, prepared.Certificates);
    ResultSet results = await new BenchmarkRunner(prepared.Brokers, scenarios, options.Repetitions, context, Console.Out).RunAsync();

    // 7. The tables, the checks, and the result files.
    RunReport report = new(machine, prepared.BrokerRevision, settings, options.Repetitions, options.Quick, calibration, ReportTable.Build(scenarios, results), SanityChecks.Check(results, calibration), results);
    if (options.Brokers == BrokerSelection.DashboardCost)
    {
        // What the dashboard costs: its own table, and every raw value in the CSV file.
        DashboardCostReport.Write(Console.Out, scenarios, results, report.RunLine);
        string costPath = ResultFiles.Csv(ResultFiles.BasePath(options.OutputBase, ResultFiles.DashboardCostName));
        CsvReport.Write(costPath, report);
        Console.WriteLine($"Every value written to {costPath}");
        return results.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.SomeRunsFailed;
    }

    ConsoleReport.Write(Console.Out, report);
    Console.WriteLine();
    Console.WriteLine("Markdown for the README:");
    Console.WriteLine();
    MarkdownReport.Write(Console.Out, report);
    string basePath = ResultFiles.BasePath(options.OutputBase);
    JsonReport.Write(ResultFiles.Json(basePath), report);
    CsvReport.Write(ResultFiles.Csv(basePath), report);
    Console.WriteLine();
    Console.WriteLine($"Results written to {ResultFiles.Json(basePath)} and {ResultFiles.Csv(basePath)}");
    return results.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.SomeRunsFailed;
}
catch (OperationCanceledException)
{
    return ExitCodes.Interrupted;
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
{
    Console.Error.WriteLine(exception.Message);
    return ExitCodes.CouldNotStart;
}
