namespace Esp32Mqtt.Broker.Benchmarks.Cli;

/// <summary>The program's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Every run completed.</summary>
    public const int Success = 0;

    /// <summary>Results were written, but some runs failed (listed under "Checks").</summary>
    public const int SomeRunsFailed = 1;

    /// <summary>The benchmark could not start: a bad option, a broker that does not build or is not installed.</summary>
    public const int CouldNotStart = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
