using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>Builds a project of the repository in Release, as users run it, and returns the path of its built DLL.</summary>
internal static class ReleaseBuild
{
    private const string Configuration = "Release";
    private const string TargetFramework = "net10.0";
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Runs <c>dotnet build -c Release</c> on <paramref name="relativeProject"/> and returns the path of
    /// <paramref name="dllName"/> in its output; on failure the message ends with <paramref name="alternative"/>.
    /// </summary>
    public static string Run(string repositoryRoot, string relativeProject, string dllName, string alternative)
    {
        string project = Path.Combine(repositoryRoot, relativeProject);
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
                $"dotnet build of {project} failed (exit code {build.ExitCode}); {alternative}.{Environment.NewLine}{output.Result}{errors.Result}");
        }

        return Path.Combine(outputDirectory, dllName);
    }
}
