namespace Esp32Client.Core
{
    /// <summary>How long <see cref="BrokerFinder"/> asks and listens, and when a found broker is looked up again.</summary>
    public sealed class DiscoveryPolicy
    {
        /// <summary>
        /// How many times the question is sent. A lost datagram is usual on WiFi; RFC 6762 section 5.2 repeats a
        /// question after 1 s too.
        /// </summary>
        public int Attempts { get; set; } = 3;

        /// <summary>How long to listen after each question: an idle responder answers within milliseconds (RFC 6762 section 6).</summary>
        public int AttemptMilliseconds { get; set; } = 1000;

        /// <summary>How long to go on listening once a usable broker has answered, to hear the others in a classroom.</summary>
        public int GatherMilliseconds { get; set; } = 300;

        /// <summary>Connect failures in a row after which the broker is looked up again (it may have moved to another address).</summary>
        public int FailuresBeforeLookingAgain { get; set; } = 3;
    }
}
