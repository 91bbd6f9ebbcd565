using System.Text;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Retained;

public sealed class RetainedMessageStoreTests : IDisposable
{
    private const uint ExpirySeconds = 60;

    private readonly TemporaryDirectory _directory = new();
    private readonly LogCapture _logs = new();
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Starts_empty_without_a_store_file()
    {
        // Arrange
        RetainedMessageStore store = CreateStore();

        // Act
        IReadOnlyList<MqttApplicationMessage> loaded = store.Load();

        // Assert
        Assert.Empty(loaded);
    }

    [Fact]
    public void Reads_back_what_it_saved_with_mqtt5_properties()
    {
        // Arrange
        RetainedMessageStore store = CreateStore();
        store.Load();
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic("esp32/esp32-a1/state")
            .WithPayload("on")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .WithContentType("text/plain")
            .WithResponseTopic("esp32/esp32-a1/reply")
            .WithCorrelationData([1, 2, 3])
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithUserProperty("board", Encoding.UTF8.GetBytes("esp32-c3").AsMemory())
            .Build();

        // Act
        store.Save([message]);
        MqttApplicationMessage loaded = Assert.Single(CreateStore().Load());

        // Assert
        Assert.Equal("esp32/esp32-a1/state", loaded.Topic);
        Assert.Equal("on", Encoding.UTF8.GetString(loaded.Payload));
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, loaded.QualityOfServiceLevel);
        Assert.True(loaded.Retain);
        Assert.Equal("text/plain", loaded.ContentType);
        Assert.Equal("esp32/esp32-a1/reply", loaded.ResponseTopic);
        Assert.Equal([1, 2, 3], loaded.CorrelationData);
        Assert.Equal(MqttPayloadFormatIndicator.CharacterData, loaded.PayloadFormatIndicator);
        MqttUserProperty property = Assert.Single(loaded.UserProperties);
        Assert.Equal(("board", "esp32-c3"), (property.Name, property.ReadValueAsString()));
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void Keeps_a_message_until_the_moment_it_expires_however_long_the_broker_was_stopped(int stoppedSeconds, bool kept)
    {
        // Arrange
        RetainedMessageStore store = CreateStore();
        store.Load();
        MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic("led").WithPayload("on").WithRetainFlag().WithMessageExpiryInterval(ExpirySeconds).Build();
        DateTimeOffset expiresAt = _clock.GetUtcNow() + TimeSpan.FromSeconds(ExpirySeconds);
        MessageExpiry.Start(message, _clock.GetUtcNow());
        store.Save([message]);
        _clock.Advance(TimeSpan.FromSeconds(stoppedSeconds));

        // Act
        IReadOnlyList<MqttApplicationMessage> loaded = CreateStore().Load();

        // Assert
        Assert.Equal(kept ? [expiresAt] : [], loaded.Select(MessageExpiry.ExpiresAt));
    }

    [Fact]
    public void Gives_a_message_stored_without_its_expiry_moment_its_whole_interval_from_the_load()
    {
        // Arrange: what a broker that did not yet write ExpiresAt left behind; "b24=" is "on".
        File.WriteAllText(
            _directory.Combine(RetainedMessageStore.FileName),
            $"{{\"Version\": 1, \"Messages\": [{{\"Topic\": \"esp32/esp32-a1/state\", \"Payload\": \"b24=\", \"MessageExpiryInterval\": {ExpirySeconds}}}]}}");
        _clock.Advance(TimeSpan.FromDays(3));
        RetainedMessageStore store = CreateStore();

        // Act
        MqttApplicationMessage loaded = Assert.Single(store.Load());

        // Assert
        Assert.Equal("on", Encoding.UTF8.GetString(loaded.Payload));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(ExpirySeconds), MessageExpiry.ExpiresAt(loaded));
    }

    [Fact]
    public void Replaces_the_file_without_leaving_a_temporary_file()
    {
        // Arrange
        RetainedMessageStore store = CreateStore();
        store.Load();
        store.Save([Retained("led", "on")]);

        // Act
        store.Save([]);

        // Assert
        Assert.Empty(CreateStore().Load());
        Assert.Equal([RetainedMessageStore.FileName], Directory.GetFiles(_directory.FullPath).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("{\"Version\": 7, \"Messages\": []}")]
    [InlineData("{\"Version\": 1, \"Messages\": [{\"Topic\": \"led/#\", \"Payload\": \"b24=\"}]}")]
    public void Moves_a_corrupt_store_aside_and_starts_empty(string content)
    {
        // Arrange
        File.WriteAllText(_directory.Combine(RetainedMessageStore.FileName), content);
        RetainedMessageStore store = CreateStore();

        // Act
        IReadOnlyList<MqttApplicationMessage> loaded = store.Load();

        // Assert
        Assert.Empty(loaded);
        Assert.False(File.Exists(store.FilePath));
        string aside = _directory.Combine("retained.corrupt-20260101-120000.json");
        Assert.Equal(content, File.ReadAllText(aside));
        Assert.Contains(_logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains($"moved it to {aside}", StringComparison.Ordinal));
    }

    [Fact]
    public void Never_overwrites_an_earlier_corrupt_copy()
    {
        // Arrange
        File.WriteAllText(_directory.Combine("retained.corrupt-20260101-120000.json"), "first");
        File.WriteAllText(_directory.Combine(RetainedMessageStore.FileName), "second");

        // Act
        CreateStore().Load();

        // Assert
        Assert.Equal("first", File.ReadAllText(_directory.Combine("retained.corrupt-20260101-120000.json")));
        Assert.Equal("second", File.ReadAllText(_directory.Combine("retained.corrupt-20260101-120000-2.json")));
    }

    [Fact]
    public void Creates_a_missing_data_directory()
    {
        // Arrange
        string nested = _directory.Combine(Path.Combine("a", "b"));
        RetainedMessageStore store = CreateStore(nested);

        // Act
        store.Load();

        // Assert
        Assert.True(Directory.Exists(nested));
    }

    public void Dispose()
    {
        _directory.Dispose();
    }

    private static MqttApplicationMessage Retained(string topic, string payload)
    {
        return new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag().Build();
    }

    private RetainedMessageStore CreateStore(string? directory = null)
    {
        BrokerOptions options = new() { DataDirectory = directory ?? _directory.FullPath };
        ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
        return new RetainedMessageStore(Options.Create(options), loggerFactory, _clock);
    }
}
