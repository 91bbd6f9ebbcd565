using Esp32Mqtt.Broker.Events;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Security;

/// <summary>
/// Answers each CONNECT: checks credentials with <see cref="ConnectionAuthenticator"/>, gives MQTT 5 clients that sent
/// no client id one of their own, and raises a <see cref="ConnectionRefused"/> for every refusal.
/// MQTTnet turns the reason code into the MQTT 3.1.1 return code itself (MqttConnectReasonCodeConverter).
/// </summary>
public sealed class ConnectionValidator
{
    private readonly ConnectionAuthenticator _authenticator;
    private readonly TrafficEvents _events;

    /// <summary>Creates the validator; refusals are raised on <paramref name="events"/>.</summary>
    public ConnectionValidator(ConnectionAuthenticator authenticator, TrafficEvents events)
    {
        _authenticator = authenticator;
        _events = events;
    }

    /// <summary>Answers <paramref name="server"/>'s CONNECTs; called once, before it starts.</summary>
    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
    }

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs eventArgs)
    {
        string clientId = eventArgs.ClientId;
        if (string.IsNullOrEmpty(clientId))
        {
            if (eventArgs.ProtocolVersion != MqttProtocolVersion.V500)
            {
                // The transport has already given one to clean-session clients; OASIS MQTT 3.1.1 [MQTT-3.1.3-8].
                Refuse(eventArgs, MqttConnectReasonCode.ClientIdentifierNotValid, clientId: null, "it sent an empty client id with a persistent session, which MQTT 3.1.1 does not allow");
                return Task.CompletedTask;
            }

            clientId = ClientIdentifiers.Create();
            eventArgs.AssignedClientIdentifier = clientId;
        }

        switch (_authenticator.Authenticate(eventArgs.UserName, eventArgs.RawPassword ?? []))
        {
            case AuthenticationOutcome.BadUserNameOrPassword:
                Refuse(eventArgs, MqttConnectReasonCode.BadUserNameOrPassword, clientId, $"wrong user name or password (user '{eventArgs.UserName}')");
                break;
            case AuthenticationOutcome.AnonymousNotAllowed:
                Refuse(eventArgs, MqttConnectReasonCode.NotAuthorized, clientId, "it sent no user name, and anonymous clients are not allowed (Broker:AllowAnonymous)");
                break;
            default:
                eventArgs.ReasonCode = MqttConnectReasonCode.Success;
                break;
        }

        return Task.CompletedTask;
    }

    private void Refuse(ValidatingConnectionEventArgs eventArgs, MqttConnectReasonCode reasonCode, string? clientId, string reason)
    {
        eventArgs.ReasonCode = reasonCode;
        _events.Raise(new ConnectionRefused(_events.Now, eventArgs.RemoteEndPoint, clientId, reason, RefusalKind.Credentials));
    }
}
