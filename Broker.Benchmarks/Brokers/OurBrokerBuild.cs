using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>Builds Broker/Broker.csproj in Release (as users run it) and reports what it found next to Broker.dll.</summary>
internal static class OurBrokerBuild
{
    private const string BrokerDllName = "Broker.dll";
    private const string MqttNetDllName = "MQTTnet.dll";
    private const string UnknownVersion = "unknown";
    private const string Configuration = "Release";
    private const string TargetFramework = "net10.0";
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet build -c Release Broker/Broker.csproj</c> and returns the path of the built Broker.dll.</summary>
    public static string BuildRelease(string repositoryRoot)
    {
        string project = Path.Combine(repositoryRoot, RepositoryRoot.BrokerProject);
        string outputDirectory = Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration, TargetFramework);
        ProcessStartInfo startInfo = new("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "build", "-c", Configuration, project, "-nologo", "-v:q" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process build = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not run dotnet build.");
        Task<string> output = build.StandardOutput.ReadToEndAsync();
        Task<string> errors = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(s_buildTimeout))
        {
            build.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build of {project} took longer than {s_buildTimeout.TotalMinutes} minutes.");
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet build of {project} failed (exit code {build.ExitCode}); pass --broker-dll to use another build.{Environment.NewLine}{output.Result}{errors.Result}");
        }

        return Path.Combine(outputDirectory, BrokerDllName);
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
            return git.WaitForExit(s_buildTimeout) && git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed.
            return null;
        }
    }
}
