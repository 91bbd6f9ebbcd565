namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>The connected clients, those away whose sessions are kept, and every subscription.</summary>
/// <param name="Clients">Up to <see cref="MostListed"/> clients, ordered by id.</param>
/// <param name="Total">How many clients are connected.</param>
/// <param name="Subscriptions">Up to <see cref="MostListed"/> subscriptions, in the order they were made.</param>
/// <param name="TotalSubscriptions">How many subscriptions there are.</param>
/// <param name="Offline">Up to <see cref="MostListed"/> clients away whose sessions are kept, ordered by id.</param>
public sealed record ClientsView(IReadOnlyList<ClientView> Clients, int Total, IReadOnlyList<SubscriptionView> Subscriptions, int TotalSubscriptions, IReadOnlyList<OfflineClientView> Offline)
{
    /// <summary>Clients, or subscriptions, listed at most; a load test's thousands are counted instead.</summary>
    public const int MostListed = 500;
}
