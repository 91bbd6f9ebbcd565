using Xunit;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// Finds a program a test runs against (Mosquitto, RabbitMQ). A missing program skips the test with the install
/// command, except when <c>CI=true</c>, where it fails the test: CI installs every such program (.ci/run).
/// </summary>
public static class RequiredProgram
{
    /// <summary>Whether a missing program fails the test rather than skipping it: <c>CI=true</c>.</summary>
    public static bool FailInsteadOfSkip => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>
    /// The full path of <paramref name="program"/>; when it is missing, fails the test or skips it with the command that
    /// installs <paramref name="package"/> (on Windows, a hint to install <paramref name="windowsProduct"/>).
    /// </summary>
    public static string Require(string program, string package, string windowsProduct, bool failInsteadOfSkip, IEnumerable<string> extraDirectories)
    {
        string? path = Find(program, extraDirectories);
        if (path is not null)
        {
            return path;
        }

        string reason = OperatingSystem.IsWindows()
            ? $"{program} not found: install {windowsProduct} for Windows, or put its folder on PATH"
            : $"{program} not found: apt-get install {package}";
        if (failInsteadOfSkip)
        {
            throw new InvalidOperationException($"{reason} (CI=true, so this test fails instead of skipping)");
        }

        Skip.If(true, reason);
        return program;
    }

    /// <summary>The full path of a program on PATH or, after it, in <paramref name="extraDirectories"/>; or null.</summary>
    public static string? Find(string program, IEnumerable<string> extraDirectories)
    {
        IEnumerable<string> directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories);
        string file = OperatingSystem.IsWindows() ? program + ".exe" : program;
        return directories.Select(directory => Path.Combine(directory, file)).FirstOrDefault(File.Exists);
    }
}
