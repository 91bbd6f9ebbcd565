// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Device.Wifi 1.5.149 (System.Device.Wifi.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/WifiReconnectionKind.cs

namespace System.Device.Wifi
{
    /// <summary>How the adapter reconnects after losing the network.</summary>
    public enum WifiReconnectionKind
    {
        /// <summary>Reconnects by itself.</summary>
        Automatic,

        /// <summary>The application reconnects.</summary>
        Manual,
    }
}
