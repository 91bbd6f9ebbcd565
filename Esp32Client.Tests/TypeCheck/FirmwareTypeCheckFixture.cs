using System.Diagnostics;
using System.Text;

namespace Esp32Client.Tests.TypeCheck;

/// <summary>
/// Builds copies of the firmware through the very mechanism `dotnet build nf.sln` uses (Esp32Client.nfproj with
/// NanoFrameworkProjectSystemPath pointing at build/nanoFramework/), each case once, and keeps the results for the
/// tests of <see cref="FirmwareTypeCheckTests"/>.
/// The first case, the firmware as committed, builds everything from nothing. The other copies start with its
/// compiled facades in obj\ (timestamps kept, as after any earlier build), so each of them costs a restore, one
/// compile and the checks rather than eleven more facade compiles; the facades are the same files for every case.
/// </summary>
public sealed class FirmwareTypeCheckFixture : IDisposable
{
    /// <summary>The configuration the copies are built in.</summary>
    public const string Configuration = "Debug";

    /// <summary>The case every other case starts from: the firmware exactly as committed.</summary>
    public const string AsCommitted = "as-committed";

    private const string AgainSuffix = "+again";

    // What the type-check compiles once per project and that does not depend on the firmware's sources.
    private static readonly string[] s_sharedIntermediateDirectories = { "Facades", "FacadeAttributes" };
    private static readonly string[] s_sharedIntermediateFiles = { "nanoFramework.publickey" };

    // A cold first build (compiler server start, checker build) takes some 30 s on a 2-core machine.
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(4);

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "esp32client-typecheck-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, FirmwareBuildResult> _results = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Builds the case once (later calls return the first result); <paramref name="prepare"/> changes the copy first.</summary>
    internal FirmwareBuildResult Build(string caseName, Action<FirmwareCopy> prepare)
    {
        // One build at a time: the copies share the type-check's checker tool, and the machine has two cores.
        lock (_gate)
        {
            if (_results.TryGetValue(caseName, out FirmwareBuildResult? result))
            {
                return result;
            }

            FirmwareBuildResult? baseline = null;
            if (caseName != AsCommitted)
            {
                baseline = Build(AsCommitted, _ => { });
            }

            FirmwareCopy copy = FirmwareCopy.Create(Path.Combine(_workDirectory, caseName, "Esp32Client"));
            prepare(copy);
            if (baseline is not null && baseline.Succeeded)
            {
                CopySharedIntermediates(baseline.FirmwareDirectory, copy.Directory);
            }

            result = RunBuild(copy.Directory);
            _results[caseName] = result;
            return result;
        }
    }

    /// <summary>Builds an already built case once more, unchanged, as a developer's next build would (result kept).</summary>
    internal FirmwareBuildResult BuildAgain(string caseName, Action<FirmwareCopy> prepare)
    {
        lock (_gate)
        {
            string againName = caseName + AgainSuffix;
            if (!_results.TryGetValue(againName, out FirmwareBuildResult? result))
            {
                result = RunBuild(Build(caseName, prepare).FirmwareDirectory);
                _results[againName] = result;
            }

            return result;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private static void CopySharedIntermediates(string fromFirmwareDirectory, string toFirmwareDirectory)
    {
        string from = IntermediateDirectory(fromFirmwareDirectory);
        string to = IntermediateDirectory(toFirmwareDirectory);
        Directory.CreateDirectory(to);
        foreach (string directory in s_sharedIntermediateDirectories)
        {
            Directory.CreateDirectory(Path.Combine(to, directory));
            foreach (string file in Directory.EnumerateFiles(Path.Combine(from, directory)))
            {
                CopyKeepingTimestamp(file, Path.Combine(to, directory, Path.GetFileName(file)));
            }
        }

        foreach (string file in s_sharedIntermediateFiles)
        {
            CopyKeepingTimestamp(Path.Combine(from, file), Path.Combine(to, file));
        }
    }

    private static void CopyKeepingTimestamp(string from, string to)
    {
        File.Copy(from, to, overwrite: true);
        File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(from));
    }

    // obj/TypeCheck/<configuration>/nanoFramework/ (NanoFramework.TypeCheck.targets, _NfIntermediateDirectory).
    private static string IntermediateDirectory(string firmwareDirectory) =>
        Path.Combine(firmwareDirectory, "obj", "TypeCheck", Configuration, "nanoFramework");

    private static FirmwareBuildResult RunBuild(string firmwareDirectory)
    {
        ProcessStartInfo start = new(DotnetHost())
        {
            WorkingDirectory = firmwareDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "build",
            Path.Combine(firmwareDirectory, FirmwareProjectFile.FileName),
            "-c", Configuration,
            "-nologo",
            "-v:minimal",
            "-tl:off",
            // No MSBuild worker processes left behind by the test.
            "-nodeReuse:false",
            "-p:NanoFrameworkProjectSystemPath=" + RepositoryLayout.TypeCheckDirectory + Path.DirectorySeparatorChar,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The test may run under `dotnet test`, whose MSBuild settings must not leak into this separate build.
        foreach (string name in start.Environment.Keys.Where(IsInheritedBuildSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        StringBuilder output = new();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(s_buildTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`dotnet build` of {firmwareDirectory} took more than {s_buildTimeout}:\n{Text(output)}");
        }

        process.WaitForExit();
        return new FirmwareBuildResult(process.ExitCode, Text(output), firmwareDirectory);
    }

    private static bool IsInheritedBuildSetting(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase);

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
