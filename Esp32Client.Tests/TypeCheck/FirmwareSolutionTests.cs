using System.Text.RegularExpressions;

namespace Esp32Client.Tests.TypeCheck;

/// <summary>
/// Esp32Client.sln is the firmware-only solution for Visual Studio 2022, which cannot load nf.sln's .NET 10 projects
/// (README, "Which Visual Studio"). It must open the very project nf.sln holds, and deploy it in both configurations.
/// </summary>
public sealed partial class FirmwareSolutionTests
{
    private const string FirmwareSolution = "Esp32Client.sln";
    private const string WholeSolution = "nf.sln";
    private const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
    private const string FirmwareProjectPath = @"Esp32Client\Esp32Client.nfproj";

    [Fact]
    public void Holds_only_the_firmware_project_with_the_type_path_and_guid_nf_sln_gives_it()
    {
        // Arrange
        string whole = ReadSolution(WholeSolution);
        string guid = ProjectGuid(FirmwareProjectFile.FileName);

        // Act
        List<(string Type, string Name, string Path, string Guid)> projects = Projects(ReadSolution(FirmwareSolution));

        // Assert
        (string Type, string Name, string Path, string Guid) firmware = Assert.Single(projects);
        Assert.Equal((NanoFrameworkProjectType, "Esp32Client", FirmwareProjectPath), (firmware.Type, firmware.Name, firmware.Path));
        Assert.Equal(guid, firmware.Guid, ignoreCase: true);
        Assert.Contains(Projects(whole), project => project == firmware);
    }

    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public void Builds_and_deploys_the_firmware_in_each_configuration(string configuration)
    {
        // Arrange
        string guid = ProjectGuid(FirmwareProjectFile.FileName).ToUpperInvariant();

        // Act
        string solution = ReadSolution(FirmwareSolution);

        // Assert
        Assert.Contains($"{configuration}|Any CPU = {configuration}|Any CPU", solution, StringComparison.Ordinal);
        foreach (string step in new[] { "ActiveCfg", "Build.0", "Deploy.0" })
        {
            Assert.Contains($"{guid}.{configuration}|Any CPU.{step} = {configuration}|Any CPU", solution, StringComparison.Ordinal);
        }
    }

    private static string ReadSolution(string fileName)
    {
        return File.ReadAllText(Path.Combine(RepositoryLayout.Root, fileName));
    }

    private static string ProjectGuid(string projectFileName)
    {
        string project = File.ReadAllText(Path.Combine(RepositoryLayout.FirmwareDirectory, projectFileName));
        Match match = ProjectGuidElement().Match(project);
        Assert.True(match.Success, $"{projectFileName} has no ProjectGuid");
        return "{" + match.Groups[1].Value + "}";
    }

    private static List<(string Type, string Name, string Path, string Guid)> Projects(string solution)
    {
        return ProjectLine().Matches(solution)
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value))
            .ToList();
    }

    [GeneratedRegex("<ProjectGuid>\\{?([0-9A-Fa-f-]{36})\\}?</ProjectGuid>")]
    private static partial Regex ProjectGuidElement();

    [GeneratedRegex("^Project\\(\"(\\{[^}]+\\})\"\\) = \"([^\"]+)\", \"([^\"]+)\", \"(\\{[^}]+\\})\"", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
