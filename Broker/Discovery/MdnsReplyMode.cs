namespace Esp32Mqtt.Broker.Discovery;

/// <summary>How a reply goes out, which also shapes it (RFC 6762 sections 5.4, 6 and 6.7).</summary>
public enum MdnsReplyMode
{
    /// <summary>To the multicast group, for every cache on the network.</summary>
    Multicast,

    /// <summary>To the asker alone, which set the unicast-response bit.</summary>
    Unicast,

    /// <summary>
    /// To the asker's own port, which is not 5353: a one-shot or legacy resolver, such as the board. The reply repeats
    /// the question and the id, keeps times to live to 10 s and sets no cache-flush bit.
    /// </summary>
    OneShot,
}
