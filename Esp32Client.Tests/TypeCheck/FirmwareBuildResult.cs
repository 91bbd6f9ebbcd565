namespace Esp32Client.Tests.TypeCheck;

/// <summary>What `dotnet build` of a firmware copy said.</summary>
internal sealed record FirmwareBuildResult(int ExitCode, string Output, string FirmwareDirectory)
{
    /// <summary>True when the build, type-check included, passed.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The compiled firmware (the type-check's output, never deployed).</summary>
    public string AssemblyPath => Path.Combine(FirmwareDirectory, "bin", "TypeCheck", FirmwareTypeCheckFixture.Configuration, "Esp32Client.exe");

    /// <summary>The compiled compile-only facades (NanoFramework.TypeCheck.targets, _NfIntermediateDirectory).</summary>
    public string FacadeDirectory => Path.Combine(FirmwareDirectory, "obj", "TypeCheck", FirmwareTypeCheckFixture.Configuration, "nanoFramework", "Facades");
}
