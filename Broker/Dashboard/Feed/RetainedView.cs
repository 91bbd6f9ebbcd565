namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>The retained messages, ordered by topic.</summary>
/// <param name="Messages">Up to <see cref="ClientsView.MostListed"/> of them.</param>
/// <param name="Total">How many there are.</param>
public sealed record RetainedView(IReadOnlyList<RetainedMessageView> Messages, int Total);
