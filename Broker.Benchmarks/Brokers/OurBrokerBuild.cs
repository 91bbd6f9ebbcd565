using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>Builds Broker/Broker.csproj in Release (as users run it) and reports what it found next to Broker.dll.</summary>
internal static class OurBrokerBuild
{
    private const string BrokerDllName = "Broker.dll";
    private const string MqttNetDllName = "MQTTnet.dll";
    private const string UnknownVersion = "unknown";
    private static readonly TimeSpan s_gitTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs <c>dotnet build -c Release Broker/Broker.csproj</c> and returns the path of the built Broker.dll.</summary>
    public static string BuildRelease(string repositoryRoot)
    {
        return ReleaseBuild.Run(repositoryRoot, RepositoryRoot.BrokerProject, BrokerDllName, "pass --broker-dll to use another build");
    }

    /// <summary>
    /// The repository's commit (short hash), with "+changes" when the work tree differs from it: which broker code a
    /// run measured, for before/after tables. "unknown" outside a git checkout.
    /// </summary>
    public static string DescribeRevision(string repositoryRoot)
    {
        string? commit = RunGit(repositoryRoot, "rev-parse", "--short", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
        {
            return UnknownVersion;
        }

        string? changes = RunGit(repositoryRoot, "status", "--porcelain", "--", RepositoryRoot.BrokerDirectory);
        return string.IsNullOrWhiteSpace(changes) ? commit : commit + "+changes";
    }

    /// <summary>The MQTTnet version next to <paramref name="brokerDllPath"/> (its product version, without the commit hash).</summary>
    public static string MqttNetVersionNextTo(string brokerDllPath)
    {
        string path = Path.Combine(Path.GetDirectoryName(brokerDllPath)!, MqttNetDllName);
        if (!File.Exists(path))
        {
            return UnknownVersion;
        }

        string? version = FileVersionInfo.GetVersionInfo(path).ProductVersion;
        return version?.Split('+')[0] ?? UnknownVersion;
    }

    private static string? RunGit(string repositoryRoot, params string[] arguments)
    {
        ProcessStartInfo startInfo = new("git") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using Process git = Process.Start(startInfo) ?? throw new InvalidOperationException("git did not start.");
            string output = git.StandardOutput.ReadToEnd();
            _ = git.StandardError.ReadToEnd();
            return git.WaitForExit(s_gitTimeout) && git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed.
            return null;
        }
    }
}
