namespace Esp32Mqtt.Broker.Security;

/// <summary>Client ids the broker makes up for clients that send none.</summary>
public static class ClientIdentifiers
{
    /// <summary>Prefix of every assigned id, as Mosquitto does it.</summary>
    public const string AssignedPrefix = "auto-";

    private const int RandomCharacters = 8;

    /// <summary>A new, unique-enough id such as <c>auto-3f9a1c2b</c>.</summary>
    public static string Create()
    {
        return AssignedPrefix + Guid.NewGuid().ToString("N")[..RandomCharacters];
    }
}
