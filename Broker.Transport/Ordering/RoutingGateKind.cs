namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>The two kinds of packet that <see cref="RetainedRoutingGate"/> keeps apart.</summary>
internal enum RoutingGateKind
{
    /// <summary>A PUBLISH with the retain flag: it changes the retained messages, then is routed.</summary>
    RetainedPublish,

    /// <summary>A SUBSCRIBE: it reads the retained messages, then its subscriptions become routable.</summary>
    Subscribe,
}
