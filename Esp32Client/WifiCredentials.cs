namespace Esp32Client
{
    /// <summary>
    /// The WiFi network to join: the one written in WifiSecrets.cs when that file exists, otherwise none, and the board
    /// then joins the network stored on it (nanoff --networkdeployment, or Visual Studio's Device Explorer, Edit Network
    /// Configuration).
    /// </summary>
    internal static partial class WifiCredentials
    {
        /// <summary>The network from WifiSecrets.cs, or two empty strings when there is no such file.</summary>
        public static void Read(out string ssid, out string password)
        {
            string configuredSsid = string.Empty;
            string configuredPassword = string.Empty;
            Load(ref configuredSsid, ref configuredPassword);
            ssid = configuredSsid;
            password = configuredPassword;
        }

        // Implemented only in the git-ignored WifiSecrets.cs (made from WifiSecrets.template.cs), which the nfproj compiles
        // only when it exists. Without it the compiler drops the call (C# partial methods), so a fresh clone builds.
        // No access modifier on purpose: with one, C# 9 requires an implementation.
        static partial void Load(ref string ssid, ref string password);
    }
}
