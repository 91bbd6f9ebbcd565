using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Retained;

public sealed class StoreFileReplacementTests : IDisposable
{
    // <winerror.h>
    private const int AccessDenied = 5;
    private const int PathNotFound = 3;
    private const int SharingViolation = 32;
    private const int LockViolation = 33;

    private readonly TemporaryDirectory _directory = new();
    private readonly List<TimeSpan> _waits = [];
    private int _calls;

    [Fact]
    public void Replaces_the_store_file_with_the_new_one()
    {
        // Arrange
        string store = _directory.Combine("retained.json");
        string temporary = store + ".tmp";
        File.WriteAllText(store, "old");
        File.WriteAllText(temporary, "new");

        // Act
        StoreFileReplacement.Replace(temporary, store);

        // Assert
        Assert.Equal("new", File.ReadAllText(store));
        Assert.False(File.Exists(temporary));
    }

    [Theory]
    [InlineData(SharingViolation)]
    [InlineData(LockViolation)]
    [InlineData(AccessDenied)]
    public void Tries_again_while_another_program_holds_the_file(int refusal)
    {
        // Arrange
        Queue<int> outcomes = new([refusal, refusal, 0]);

        // Act
        StoreFileReplacement.Retry(outcomes.Dequeue, "retained.json", _waits.Add);

        // Assert
        Assert.Empty(outcomes);
        Assert.Equal([StoreFileReplacement.RetryDelay, StoreFileReplacement.RetryDelay * 2], _waits);
    }

    [Fact]
    public void Gives_up_with_an_io_error_after_the_last_attempt()
    {
        // Act
        IOException exception = Assert.Throws<IOException>(() => StoreFileReplacement.Retry(Counted(SharingViolation), "retained.json", _waits.Add));

        // Assert
        Assert.Equal(StoreFileReplacement.Attempts, _calls);
        Assert.Equal(StoreFileReplacement.Attempts - 1, _waits.Count);
        Assert.StartsWith("cannot replace retained.json: ", exception.Message, StringComparison.Ordinal);
        Assert.Equal(unchecked((int)0x80070020), exception.HResult);
    }

    [Fact]
    public void Reports_a_lasting_refusal_as_access_denied()
    {
        // Act and assert
        Assert.Throws<UnauthorizedAccessException>(() => StoreFileReplacement.Retry(() => AccessDenied, "retained.json", _waits.Add));
    }

    [Fact]
    public void Fails_at_once_on_an_error_that_waiting_cannot_fix()
    {
        // Act
        Assert.Throws<IOException>(() => StoreFileReplacement.Retry(Counted(PathNotFound), "retained.json", _waits.Add));

        // Assert
        Assert.Equal(1, _calls);
        Assert.Empty(_waits);
    }

    public void Dispose()
    {
        _directory.Dispose();
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
