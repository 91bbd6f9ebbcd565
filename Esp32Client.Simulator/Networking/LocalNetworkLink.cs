using Esp32Client.Core;

namespace Esp32Client.Simulator.Networking;

/// <summary>The simulated board's "WiFi": the PC's own network, always joined.</summary>
public sealed class LocalNetworkLink : INetworkLink
{
    public bool IsUp => true;

    public bool Join(int timeoutMilliseconds)
    {
        return true;
    }
}
