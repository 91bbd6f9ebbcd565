namespace Esp32Client.Core
{
    /// <summary>The board's network link (WiFi on the ESP32).</summary>
    public interface INetworkLink
    {
        /// <summary>True while the link is up and has an IP address.</summary>
        bool IsUp { get; }

        /// <summary>Joins the network, blocking at most <paramref name="timeoutMilliseconds"/>; true when the link is up.</summary>
        bool Join(int timeoutMilliseconds);
    }
}
