namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>Finds the repository (the folder holding Broker/Broker.csproj) from the current folder or from this program's own location.</summary>
internal static class RepositoryRoot
{
    /// <summary>The broker's folder, relative to the repository root.</summary>
    public const string BrokerDirectory = "Broker";

    /// <summary>The broker project, relative to the repository root.</summary>
    public static readonly string BrokerProject = Path.Combine(BrokerDirectory, "Broker.csproj");

    /// <summary>The repository root, or null when neither place is inside it.</summary>
    public static string? Find()
    {
        return FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);
    }

    private static string? FindUpwards(string start)
    {
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, BrokerProject)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
