using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Subscriptions;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>One routed message as the flow view draws it: publisher → topic → each recipient.</summary>
/// <param name="Number">Its place among all the messages counted while pages were open.</param>
/// <param name="Time">When it was routed.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="Sender">The publishing client's id, <c>console</c> or <c>dashboard</c>; null for the broker itself (a will).</param>
/// <param name="Payload">Its payload.</param>
/// <param name="QualityOfService">0, 1 or 2.</param>
/// <param name="Retain">Whether it was published retained.</param>
/// <param name="Recipients">The first <see cref="MostRecipientsNamed"/> clients it was delivered to.</param>
/// <param name="MoreRecipients">How many more it was delivered to.</param>
/// <param name="NearMiss">For a message that reached nobody, the subscription the publisher probably meant.</param>
public sealed record FlowEntry(
    long Number,
    DateTimeOffset Time,
    string Topic,
    string? Sender,
    PayloadView Payload,
    int QualityOfService,
    bool Retain,
    IReadOnlyList<string> Recipients,
    int MoreRecipients,
    NearMiss? NearMiss)
{
    /// <summary>Recipients named one by one; a classroom fits, a load test is counted.</summary>
    public const int MostRecipientsNamed = 40;

    /// <summary>The entry for <paramref name="message"/>, numbered <paramref name="number"/>.</summary>
    public static FlowEntry Of(long number, MessageRouted message)
    {
        IReadOnlyList<string> recipients = message.Recipients;
        return new FlowEntry(
            number,
            message.Time,
            message.Topic,
            message.SenderId,
            PayloadView.Of(message.Payload),
            message.QualityOfService,
            message.Retain,
            recipients.Count > MostRecipientsNamed ? [.. recipients.Take(MostRecipientsNamed)] : recipients,
            Math.Max(0, recipients.Count - MostRecipientsNamed),
            message.NearMiss);
    }
}
