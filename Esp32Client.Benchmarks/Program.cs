using BenchmarkDotNet.Running;

// Allocation and time per handled command on .NET: `dotnet run -c Release --project Esp32Client.Benchmarks`.
BenchmarkSwitcher.FromAssembly(typeof(Esp32Client.Benchmarks.CommandHandlingBenchmarks).Assembly).Run(args);
