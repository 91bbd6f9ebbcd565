namespace Esp32Client.Core
{
    /// <summary>The states of <see cref="ConnectionSupervisor"/>, named so the log can say where the board is.</summary>
    public enum ConnectionState
    {
        /// <summary>The network link is down; joining it.</summary>
        JoiningNetwork,

        /// <summary>The link is up; connecting to the broker now.</summary>
        ConnectingToBroker,

        /// <summary>An attempt failed; waiting out the backoff delay.</summary>
        WaitingToRetry,

        /// <summary>Connected to the broker.</summary>
        Connected,

        /// <summary>Stopped for good (shutdown, or a reboot was requested).</summary>
        Stopped,
    }
}
