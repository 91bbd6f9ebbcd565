using Esp32Client.Core;
using nanoFramework.Runtime.Native;

namespace Esp32Client.Hardware
{
    /// <summary>Restarts the board with a hard reset of the CPU.</summary>
    public sealed class DeviceRebooter : IRebooter
    {
        /// <summary>Reboots the board; does not return.</summary>
        public void Reboot()
        {
            Power.RebootDevice();
        }
    }
}
