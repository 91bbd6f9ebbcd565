using System.Security.Cryptography;
using System.Text;
using Esp32Client.Core;

namespace Esp32Client.Simulator;

/// <summary>The simulator's default id: <c>sim-</c> + 6 hex digits derived from the machine name, so it is stable.</summary>
public static class SimulatedDeviceId
{
    /// <summary>Prefix of every simulated board's default id.</summary>
    public const string Prefix = "sim-";

    /// <summary>The id for <paramref name="machineName"/>; the same name always gives the same id.</summary>
    public static string For(string machineName)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(machineName));
        return Prefix + DeviceId.LowercaseHex(hash, 0, 3);
    }
}
