using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Retained;

public sealed class DurableReplaceTests
{
    // <winerror.h>
    private const int AccessDenied = 5;
    private const int PathNotFound = 3;
    private const int SharingViolation = 32;
    private const int LockViolation = 33;

    private readonly List<TimeSpan> _waits = [];
    private int _calls;

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

    [Theory]
    [InlineData(SharingViolation)]
    [InlineData(LockViolation)]
    [InlineData(AccessDenied)]
    public void Tries_a_windows_rename_again_while_another_program_holds_the_file(int refusal)
    {
        // Arrange
        Queue<int> outcomes = new([refusal, refusal, 0]);

        // Act
        DurableReplace.RetryWhileHeld(outcomes.Dequeue, "retained.json", _waits.Add);

        // Assert
        Assert.Empty(outcomes);
        Assert.Equal([DurableReplace.RetryDelay, DurableReplace.RetryDelay * 2], _waits);
    }

    [Fact]
    public void Gives_up_on_a_held_file_after_the_last_attempt()
    {
        // Act
        IOException failure = Assert.Throws<IOException>(() => DurableReplace.RetryWhileHeld(Counted(SharingViolation), "retained.json", _waits.Add));

        // Assert
        Assert.Equal(DurableReplace.Attempts, _calls);
        Assert.Equal(DurableReplace.Attempts - 1, _waits.Count);
        Assert.StartsWith("Cannot replace retained.json: ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_at_once_on_an_error_that_waiting_cannot_fix()
    {
        // Act
        Assert.Throws<IOException>(() => DurableReplace.RetryWhileHeld(Counted(PathNotFound), "retained.json", _waits.Add));

        // Assert
        Assert.Equal(1, _calls);
        Assert.Empty(_waits);
    }

    private Func<int> Counted(int error)
    {
        return () =>
        {
            _calls++;
            return error;
        };
    }
}
