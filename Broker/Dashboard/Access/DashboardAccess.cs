using System.Text;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Security;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Dashboard.Access;

/// <summary>
/// Who may use the dashboard: the same people as MQTT. When the broker refuses anonymous clients, the dashboard asks for
/// one of the broker's users (checked against the same PBKDF2 hashes, <see cref="ConnectionAuthenticator"/>); when MQTT
/// lets anyone in, so does the dashboard. The hashes themselves never leave this class's authenticator.
/// </summary>
public sealed class DashboardAccess
{
    private readonly ConnectionAuthenticator _authenticator;

    /// <summary>Decides from the broker's options, and checks passwords with <paramref name="authenticator"/>.</summary>
    public DashboardAccess(IOptions<BrokerOptions> options, ConnectionAuthenticator authenticator)
    {
        LoginRequired = !options.Value.AnonymousClientsAllowed;
        _authenticator = authenticator;
    }

    /// <summary>Whether the page, its feed and its publishing need a logged-in user.</summary>
    public bool LoginRequired { get; }

    /// <summary>Whether <paramref name="userName"/> is a configured user and <paramref name="password"/> is theirs.</summary>
    public bool Verify(string? userName, string? password)
    {
        return !string.IsNullOrEmpty(userName)
            && _authenticator.UsersConfigured
            && _authenticator.Authenticate(userName, Encoding.UTF8.GetBytes(password ?? string.Empty)) == AuthenticationOutcome.Accepted;
    }
}
