using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace Esp32Mqtt.Broker.Tests.Retained;

public sealed class RetainedStoreWriterTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly RetainedMessageStore _store;
    private readonly RetainedStoreWriter _writer;

    public RetainedStoreWriterTests()
    {
        ILoggerFactory loggerFactory = LoggerFactory.Create(_ => { });
        _store = new RetainedMessageStore(Options.Create(new BrokerOptions { DataDirectory = _directory.FullPath }), loggerFactory, _clock);
        _store.Load();
        _writer = new RetainedStoreWriter(_store, _clock, loggerFactory);
    }

    [Fact]
    public async Task Completes_a_durable_save_only_once_the_snapshot_is_on_disk()
    {
        // Arrange
        MqttApplicationMessage[] snapshot = [Retained("esp32/a/led/state", "on")];

        // Act
        await _writer.SaveAsync(snapshot, waitUntilDurable: true).WaitAsync(TestTimeouts.Short);

        // Assert
        Assert.Equal(["esp32/a/led/state on"], Describe(_store.Load()));
    }

    [Fact]
    public async Task Returns_at_once_from_a_save_that_need_not_be_durable_and_writes_it_behind()
    {
        // Arrange
        MqttApplicationMessage[] snapshot = [Retained("esp32/a/led/state", "off")];

        // Act
        Task saved = _writer.SaveAsync(snapshot, waitUntilDurable: false);
        bool returnedAtOnce = saved.IsCompletedSuccessfully;
        await _writer.FlushAsync().WaitAsync(TestTimeouts.Short);

        // Assert
        Assert.True(returnedAtOnce);
        Assert.Equal(["esp32/a/led/state off"], Describe(_store.Load()));
    }

    [Fact]
    public async Task Writes_a_change_nobody_waits_for_once_the_write_behind_delay_has_passed()
    {
        // Arrange
        MqttApplicationMessage[] snapshot = [Retained("esp32/a/led/state", "on")];
        await _writer.SaveAsync(snapshot, waitUntilDurable: false);
        await Eventually.UntilAsync(() => _clock.PendingTimerCount == 1, TestTimeouts.Short, "the writer to wait out its delay");
        List<string> beforeTheDelay = Describe(_store.Load());

        // Act
        _clock.Advance(RetainedStoreWriter.WriteBehindDelay);

        // Assert
        await WrittenAsync("esp32/a/led/state on");
        Assert.Empty(beforeTheDelay);
    }

    [Fact]
    public async Task Writes_at_once_when_a_durable_change_arrives_during_the_write_behind_delay()
    {
        // Arrange
        await _writer.SaveAsync([Retained("esp32/a/led/state", "on")], waitUntilDurable: false);

        // Act: no time passes on the clock; the durable save must not wait for it.
        await _writer.SaveAsync([Retained("esp32/a/led/state", "on"), Retained("esp32/a/status", "online")], waitUntilDurable: true).WaitAsync(TestTimeouts.Short);

        // Assert
        Assert.Equal(["esp32/a/led/state on", "esp32/a/status online"], Describe(_store.Load()));
    }

    [Fact]
    public async Task Ends_with_the_newest_snapshot_after_a_flurry_of_changes()
    {
        // Arrange
        List<Task> durableSaves = [];

        // Act: a classroom of boards reporting at once; every fifth change is a QoS 1 one that waits.
        for (int change = 0; change < 200; change++)
        {
            MqttApplicationMessage[] snapshot = [Retained("esp32/a/led/state", change.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            Task saved = _writer.SaveAsync(snapshot, waitUntilDurable: change % 5 == 0);
            durableSaves.Add(saved);
        }

        await Task.WhenAll(durableSaves).WaitAsync(TestTimeouts.Short);
        await _writer.FlushAsync().WaitAsync(TestTimeouts.Short);

        // Assert
        Assert.Equal(["esp32/a/led/state 199"], Describe(_store.Load()));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// Completes when the store file holds exactly <paramref name="expected"/>. It watches the file's text until the topic
    /// shows up (Load would get in the writer's way: it clears the temporary file), then reads it properly once the
    /// writer is idle.
    /// </summary>
    private async Task WrittenAsync(string expected)
    {
        string topic = expected[..expected.IndexOf(' ', StringComparison.Ordinal)];
        await Eventually.UntilAsync(() => FileMentions(topic), TestTimeouts.Short, "the store to mention " + topic);
        await _writer.FlushAsync().WaitAsync(TestTimeouts.Short);
        Assert.Equal([expected], Describe(_store.Load()));
    }

    private bool FileMentions(string text)
    {
        try
        {
            using FileStream stream = new(_store.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using StreamReader reader = new(stream);
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            // Not there yet, or being replaced.
            return false;
        }
    }

    private static MqttApplicationMessage Retained(string topic, string payload)
    {
        return new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag().Build();
    }

    private static List<string> Describe(IReadOnlyList<MqttApplicationMessage> messages)
    {
        return messages.Select(message => message.Topic + " " + message.ConvertPayloadToString()).ToList();
    }
}
