using System.Globalization;
using System.Text;

namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>What MQTT allows as the topic of a publish, with the reason in words when a topic breaks a rule.</summary>
public static class TopicNameRules
{
    /// <summary>The longest topic MQTT can carry: a UTF-8 string with a two-byte length (OASIS MQTT 3.1.1, section 1.5.3).</summary>
    public const int LongestTopicBytes = 65_535;

    /// <summary>Why <paramref name="topic"/> cannot be published to, or null when it can.</summary>
    public static string? FindProblem(string topic)
    {
        if (topic.Length == 0)
        {
            return "the topic is empty; a message needs a topic, such as led";
        }

        // OASIS MQTT 3.1.1, section 4.7.1: wildcards are for subscriptions only.
        if (topic.IndexOfAny(['+', '#']) >= 0)
        {
            return $"the topic '{topic}' contains a wildcard (+ or #); wildcards are only for subscribing";
        }

        // OASIS MQTT 3.1.1, section 1.5.3: a UTF-8 string must not contain U+0000.
        if (topic.Contains('\0', StringComparison.Ordinal))
        {
            return "the topic contains the character U+0000, which MQTT does not allow";
        }

        int bytes = Encoding.UTF8.GetByteCount(topic);
        return bytes > LongestTopicBytes
            ? string.Create(CultureInfo.InvariantCulture, $"the topic is {bytes:N0} bytes long; MQTT allows at most {LongestTopicBytes:N0}")
            : null;
    }
}
