namespace Esp32Client.Tests.TypeCheck;

/// <summary>Where the firmware and its type-check live, found from the test's output folder.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFileName = "nf.sln";

    /// <summary>The repository root (the folder of nf.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Esp32Client/, the firmware project's folder.</summary>
    public static string FirmwareDirectory => Path.Combine(Root, "Esp32Client");

    /// <summary>build/nanoFramework/, the stand-in project system that type-checks the firmware.</summary>
    public static string TypeCheckDirectory => Path.Combine(Root, "build", "nanoFramework");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}.");
    }
}
