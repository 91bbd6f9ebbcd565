using System.Buffers;
using System.Text;
using Esp32Mqtt.Broker.Transport;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>Converts between MQTTnet's messages and the stored form.</summary>
public static class RetainedMessageConverter
{
    private const int HighestQualityOfService = 2;

    /// <summary>The stored form of a retained message.</summary>
    public static StoredRetainedMessage ToStored(MqttApplicationMessage message)
    {
        return new StoredRetainedMessage
        {
            Topic = message.Topic,
            Payload = message.Payload.ToArray(),
            QualityOfService = (int)message.QualityOfServiceLevel,
            ContentType = message.ContentType,
            ResponseTopic = message.ResponseTopic,
            CorrelationData = message.CorrelationData,
            PayloadFormatIndicator = (int)message.PayloadFormatIndicator,
            MessageExpiryInterval = message.MessageExpiryInterval,
            ExpiresAt = MessageExpiry.ExpiresAt(message),
            UserProperties = message.UserProperties?.Select(p => new StoredUserProperty { Name = p.Name, Value = p.ReadValueAsString() }).ToList(),
        };
    }

    /// <summary>
    /// The MQTTnet message for a stored one, or null when the stored entry is not a valid retained message. A message with
    /// an expiry interval expires when the store says (<see cref="MessageExpiry"/>); one stored without that moment, by
    /// an older broker, lives its whole interval again from <paramref name="loadedAt"/>.
    /// </summary>
    public static MqttApplicationMessage? FromStored(StoredRetainedMessage stored, DateTimeOffset loadedAt)
    {
        bool valid = !string.IsNullOrEmpty(stored.Topic)
            && stored.Topic.IndexOfAny(['+', '#']) < 0
            && stored.Payload is { Length: > 0 }
            && stored.QualityOfService is >= 0 and <= HighestQualityOfService;
        if (!valid)
        {
            return null;
        }

        MqttApplicationMessage message = new()
        {
            Topic = stored.Topic,
            Payload = new ReadOnlySequence<byte>(stored.Payload),
            QualityOfServiceLevel = (MqttQualityOfServiceLevel)stored.QualityOfService,
            Retain = true,
            ContentType = stored.ContentType,
            ResponseTopic = stored.ResponseTopic,
            CorrelationData = stored.CorrelationData,
            PayloadFormatIndicator = (MqttPayloadFormatIndicator)stored.PayloadFormatIndicator,
            MessageExpiryInterval = stored.MessageExpiryInterval,
            UserProperties = stored.UserProperties?.Select(p => new MqttUserProperty(p.Name, Encoding.UTF8.GetBytes(p.Value).AsMemory())).ToList(),
        };
        TimeSpan interval = TimeSpan.FromSeconds(stored.MessageExpiryInterval);
        MessageExpiry.Start(message, stored.ExpiresAt is { } expiresAt ? expiresAt - interval : loadedAt);
        return message;
    }
}
