using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>Finds Debian's mosquitto program (in /usr/sbin, often not on PATH) and reads its version.</summary>
internal static partial class MosquittoExecutable
{
    private const string ProgramName = "mosquitto";
    private const string HelpSwitch = "-h";
    private const string UnknownVersion = "unknown";
    private static readonly string[] s_systemDirectories = ["/usr/sbin", "/usr/local/sbin"];
    private static readonly TimeSpan s_versionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The full path, or null when it is not installed.</summary>
    public static string? Find()
    {
        IEnumerable<string> directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(s_systemDirectories);
        return directories.Select(directory => Path.Combine(directory, ProgramName)).FirstOrDefault(File.Exists);
    }

    /// <summary>The version from the first line of <c>mosquitto -h</c> ("mosquitto version 2.0.11").</summary>
    public static string ReadVersion(string executable)
    {
        ProcessStartInfo startInfo = new(executable, HelpSwitch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not run {executable}.");
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        _ = process.WaitForExit(s_versionTimeout);
        Match match = VersionPattern().Match(output);
        return match.Success ? match.Groups[1].Value : UnknownVersion;
    }

    [GeneratedRegex(@"mosquitto version (\S+)")]
    private static partial Regex VersionPattern();
}
