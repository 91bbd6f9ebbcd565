using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Retained;

public sealed class DurableReplaceTests
{
    [Fact]
    public void Replaces_the_file_with_the_finished_copy()
    {
        // Arrange
        using TemporaryDirectory directory = new();
        string target = directory.Combine("retained.json");
        string copy = directory.Combine("retained.json.tmp");
        File.WriteAllText(target, "old");
        File.WriteAllText(copy, "new");

        // Act
        DurableReplace.Replace(copy, target);

        // Assert
        Assert.Equal("new", File.ReadAllText(target));
        Assert.False(File.Exists(copy));
    }

    [SkippableFact]
    public void Writes_a_directory_to_disk_on_linux_and_macos()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "a directory is synced on Linux and macOS only");

        // Arrange
        using TemporaryDirectory directory = new();

        // Act
        Exception? failure = Record.Exception(() => DurableReplace.SyncDirectory(directory.FullPath));

        // Assert
        Assert.Null(failure);
    }

    [SkippableFact]
    public void Says_which_directory_could_not_be_written_to_disk()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "a directory is synced on Linux and macOS only");

        // Arrange
        using TemporaryDirectory directory = new();
        string missing = directory.Combine("gone");

        // Act
        IOException failure = Assert.Throws<IOException>(() => DurableReplace.SyncDirectory(missing));

        // Assert
        Assert.StartsWith($"Cannot open the directory {missing} to write it to disk", failure.Message, StringComparison.Ordinal);
    }
}
