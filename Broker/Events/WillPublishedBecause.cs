namespace Esp32Mqtt.Broker.Events;

/// <summary>What ended the wait of a delayed will (OASIS MQTT 5.0 section 3.1.3.2.2).</summary>
public enum WillPublishedBecause
{
    /// <summary>Its Will Delay Interval passed before the client came back.</summary>
    DelayPassed,

    /// <summary>The client's session ended first: its session expiry interval was shorter than the delay.</summary>
    SessionEnded,

    /// <summary>The client connected again with a clean start, which ends the session the will waited in.</summary>
    CleanStart,
}
