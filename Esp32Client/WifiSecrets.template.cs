// Your WiFi network, kept out of git.
// 1. Copy this file to WifiSecrets.cs, in this same folder (Esp32Client/). WifiSecrets.cs is in .gitignore.
// 2. Put your network's name and password below, then build and deploy.
// Without WifiSecrets.cs the board joins the network stored on it: with nanoff --networkdeployment (README), or in
// Visual Studio, Device Explorer > Edit Network Configuration > Wi-Fi profiles. The firmware stores the network written
// here on the board as well.
// This template itself is not compiled into the firmware (the nfproj lists it as None); a test compiles it.

namespace Esp32Client
{
    /// <summary>The WiFi credentials of this board (WifiSecrets.cs, not committed).</summary>
    internal static partial class WifiCredentials
    {
        // Implements the partial method declared in WifiCredentials.cs; partial methods take no access modifier here.
        static partial void Load(ref string ssid, ref string password)
        {
            ssid = "your-network-name";
            password = "your-network-password";
        }
    }
}
