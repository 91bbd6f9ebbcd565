using Esp32Mqtt.Broker.Configuration;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Security;

/// <summary>Decides whether a client's user name and password let it connect.</summary>
public sealed class ConnectionAuthenticator
{
    private readonly Dictionary<string, PasswordHash> _users = new(StringComparer.Ordinal);
    private readonly bool _anonymousAllowed;
    private readonly PasswordHash? _decoy;

    /// <summary>Creates the authenticator from the validated options.</summary>
    public ConnectionAuthenticator(IOptions<BrokerOptions> options)
    {
        foreach (BrokerUser user in options.Value.Users)
        {
            if (PasswordHash.TryParse(user.PasswordHash, out PasswordHash? hash, out _))
            {
                _users[user.UserName] = hash;
            }
        }

        _anonymousAllowed = options.Value.AnonymousClientsAllowed;

        // An unknown user name costs as much time as a known one, so timing does not tell which names exist.
        _decoy = _users.Values.FirstOrDefault();
    }

    /// <summary>Whether any users are configured.</summary>
    public bool UsersConfigured => _users.Count > 0;

    /// <summary>Decides on one CONNECT packet's credentials.</summary>
    public AuthenticationOutcome Authenticate(string? userName, ReadOnlySpan<byte> password)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return _anonymousAllowed ? AuthenticationOutcome.AcceptedAnonymous : AuthenticationOutcome.AnonymousNotAllowed;
        }

        if (!UsersConfigured)
        {
            // Like Mosquitto without a password file: a user name alone proves nothing and is not checked.
            return AuthenticationOutcome.Accepted;
        }

        if (_users.TryGetValue(userName, out PasswordHash? hash))
        {
            return PasswordHasher.Verify(password, hash) ? AuthenticationOutcome.Accepted : AuthenticationOutcome.BadUserNameOrPassword;
        }

        if (_decoy is not null)
        {
            PasswordHasher.Verify(password, _decoy);
        }

        return AuthenticationOutcome.BadUserNameOrPassword;
    }
}
