namespace Esp32Mqtt.Broker.Hosting;

/// <summary>
/// Lines that another part of the broker (a listener of its own, such as the dashboard) adds to the start-up banner.
/// Asked once every hosted service has started, so a port picked by the operating system is known.
/// </summary>
public interface IBannerSection
{
    /// <summary>The lines to show; none when this part is switched off.</summary>
    IReadOnlyList<string> Lines(IReadOnlyList<LanAddress> lanAddresses);
}
