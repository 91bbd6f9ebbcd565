namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>Where the JSON and CSV results go.</summary>
internal static class ResultFiles
{
    private const string JsonExtension = ".json";
    private const string CsvExtension = ".csv";
    private const string DefaultName = "latest";

    /// <summary>The default file name of a --dashboard run, so it does not replace the latest comparison with Mosquitto.</summary>
    public const string DashboardCostName = "dashboard-cost";

    /// <summary>The JSON path for <paramref name="basePath"/>.</summary>
    public static string Json(string basePath)
    {
        return basePath + JsonExtension;
    }

    /// <summary>The CSV path for <paramref name="basePath"/>.</summary>
    public static string Csv(string basePath)
    {
        return basePath + CsvExtension;
    }

    /// <summary>
    /// The path without extension: <paramref name="requested"/> (a .json or .csv ending is dropped), or by default
    /// Broker.Benchmarks/results/<paramref name="defaultName"/> in the repository; its folder is created.
    /// </summary>
    public static string BasePath(string? requested, string defaultName = DefaultName)
    {
        string basePath = requested is null
            ? Path.Combine(Brokers.RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), "Broker.Benchmarks", "results", defaultName)
            : Path.GetFullPath(StripExtension(requested));
        _ = Directory.CreateDirectory(Path.GetDirectoryName(basePath)!);
        return basePath;
    }

    private static string StripExtension(string path)
    {
        string extension = Path.GetExtension(path);
        return extension is JsonExtension or CsvExtension ? path[..^extension.Length] : path;
    }
}
