using System.Globalization;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Subscriptions;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>The pieces of a publish line: sender, QoS and retain flags, recipients and the near-miss hint.</summary>
public static class PublishText
{
    /// <summary>Recipients named in one line before the rest are only counted.</summary>
    public const int MaxRecipientsNamed = 5;

    /// <summary>After the name of a recipient that is offline with its session kept, as <c>subs</c> marks it: the message waits in its queue.</summary>
    public const string OfflineMark = " (offline: queued)";

    /// <summary>Who sent it; MQTTnet gives no sender id to messages injected without one (a will).</summary>
    public static string Sender(string? senderId)
    {
        return string.IsNullOrEmpty(senderId) ? "the broker" : senderId;
    }

    /// <summary>"QoS 0", "QoS 1, retained" or "QoS 0, clears the retained message".</summary>
    public static string Flags(MessageRouted message)
    {
        string qos = string.Create(CultureInfo.InvariantCulture, $"QoS {message.QualityOfService}");
        if (!message.Retain)
        {
            return qos;
        }

        return message.Payload.IsEmpty ? $"{qos}, clears the retained message" : $"{qos}, retained";
    }

    /// <summary>
    /// "1 client: a", "2 clients: a, b (offline: queued)" or "32 clients: a, b, c, d, e and 27 more", with the recipients in
    /// <paramref name="offline"/> (offline with their session kept) marked.
    /// </summary>
    public static string Recipients(IReadOnlyList<string> clientIds, IReadOnlyList<string>? offline = null)
    {
        string count = clientIds.Count == 1 ? "1 client" : string.Create(CultureInfo.InvariantCulture, $"{clientIds.Count} clients");
        string names = string.Join(", ", clientIds.Take(MaxRecipientsNamed).Select(id => offline?.Contains(id) == true ? id + OfflineMark : id));
        return clientIds.Count > MaxRecipientsNamed
            ? string.Create(CultureInfo.InvariantCulture, $"{count}: {names} and {clientIds.Count - MaxRecipientsNamed} more")
            : $"{count}: {names}";
    }

    /// <summary>" — did you mean 'led' (2 subscribers)?", or nothing when there is no near miss.</summary>
    public static string Hint(NearMiss? nearMiss)
    {
        if (nearMiss is null)
        {
            return string.Empty;
        }

        string subscribers = nearMiss.SubscriberCount == 1
            ? "1 subscriber"
            : string.Create(CultureInfo.InvariantCulture, $"{nearMiss.SubscriberCount} subscribers");
        return $" — did you mean '{nearMiss.TopicFilter}' ({subscribers})?";
    }
}
