using System.Text;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Retained;

public sealed class RetainedMessageStoreTests : IDisposable
{
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
