namespace Esp32Client.Core
{
    /// <summary>What the board reports about its own firmware.</summary>
    public static class FirmwareInfo
    {
        /// <summary>The firmware version, reported in telemetry. Bump it with every change to the device contract.</summary>
        public const string Version = "1.1.0";
    }
}
