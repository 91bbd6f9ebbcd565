namespace Esp32Client.Core
{
    /// <summary>Restarts the board: the last resort after a long time offline, as ESPHome's <c>reboot_timeout</c>.</summary>
    public interface IRebooter
    {
        /// <summary>Restarts the board; does not return on the device.</summary>
        void Reboot();
    }
}
