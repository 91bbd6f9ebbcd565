namespace Esp32Client.Tests.TypeCheck;

/// <summary>
/// Esp32Client.nfproj lists its sources one by one, as Visual Studio's nanoFramework projects do (no globbing): a core
/// file added on disk but not to the list would be tested on .NET yet missing from the firmware.
/// </summary>
public sealed class FirmwareCompileListTests
{
    private const string SecretsFile = "WifiSecrets.cs";
    private const string SecretsTemplate = "WifiSecrets.template.cs";

    private readonly FirmwareProjectFile _project = FirmwareProjectFile.Load(RepositoryLayout.FirmwareDirectory);

    [Fact]
    public void Every_source_file_of_the_firmware_is_in_the_compile_list()
    {
        // Arrange
        string[] listed = _project.CompileItems.Select(item => Normalize(item.Include)).ToArray();

        // Act
        string[] missing = FirmwareSourceFiles().Where(file => !listed.Contains(file)).ToArray();

        // Assert
        Assert.True(missing.Length == 0, $"Add to Esp32Client/{FirmwareProjectFile.FileName}: " + string.Join(", ", missing.Select(f => $"<Compile Include=\"{f.Replace('/', '\\')}\" />")));
    }

    [Fact]
    public void Every_file_in_the_compile_list_exists()
    {
        // Act
        string[] absent = _project.CompileItems
            .Where(item => item.Condition is null)
            .Select(item => Normalize(item.Include))
            .Where(file => !File.Exists(Path.Combine(RepositoryLayout.FirmwareDirectory, file)))
            .ToArray();

        // Assert
        Assert.True(absent.Length == 0, $"Esp32Client/{FirmwareProjectFile.FileName} lists missing files: " + string.Join(", ", absent));
    }

    [Fact]
    public void The_wifi_secrets_file_is_compiled_only_when_it_exists_and_the_template_never()
    {
        // Act
        (string Include, string? Condition) secrets = Assert.Single(_project.CompileItems, item => item.Include == SecretsFile);

        // Assert
        Assert.Equal($"Exists('{SecretsFile}')", secrets.Condition);
        Assert.DoesNotContain(_project.CompileItems, item => item.Include == SecretsTemplate);
        Assert.Contains(SecretsTemplate, _project.NoneItems);
    }

    [Fact]
    public void Every_unconditional_compile_item_is_listed_once()
    {
        // Act
        string[] duplicates = _project.CompileItems
            .GroupBy(item => Normalize(item.Include), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToArray();

        // Assert
        Assert.Empty(duplicates);
    }

    private static IEnumerable<string> FirmwareSourceFiles()
    {
        string root = RepositoryLayout.FirmwareDirectory;
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal) && !file.StartsWith("obj/", StringComparison.Ordinal))
            .Where(file => file != SecretsFile && file != SecretsTemplate)
            .Order(StringComparer.Ordinal);
    }

    private static string Normalize(string include) => include.Replace('\\', '/');
}
