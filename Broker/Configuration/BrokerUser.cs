using Esp32Mqtt.Broker.Security;

namespace Esp32Mqtt.Broker.Configuration;

/// <summary>One user allowed to connect: a user name and the PBKDF2 hash of the password.</summary>
public sealed class BrokerUser
{
    /// <summary>The user name the client sends in its CONNECT packet.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The password hash printed by <c>dotnet run --project Broker -- hash-password</c>.</summary>
    public string PasswordHash { get; set; } = string.Empty;
}
