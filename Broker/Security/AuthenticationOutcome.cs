namespace Esp32Mqtt.Broker.Security;

/// <summary>The decision on one CONNECT's credentials.</summary>
public enum AuthenticationOutcome
{
    /// <summary>Known user, right password (or no users configured at all).</summary>
    Accepted,

    /// <summary>No user name, and anonymous clients are allowed.</summary>
    AcceptedAnonymous,

    /// <summary>Unknown user or wrong password: CONNACK BadUserNameOrPassword (MQTT 5: 0x86; MQTT 3.1.1: return code 4).</summary>
    BadUserNameOrPassword,

    /// <summary>No user name, and anonymous clients are not allowed: CONNACK NotAuthorized (MQTT 5: 0x87; MQTT 3.1.1: return code 5).</summary>
    AnonymousNotAllowed,
}
