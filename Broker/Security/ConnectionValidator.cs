using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Observation;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Logging;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Security;

/// <summary>
/// Answers each CONNECT: checks credentials with <see cref="ConnectionAuthenticator"/>, gives MQTT 5 clients that sent
/// no client id one of their own, and logs every refusal with the client id and address.
/// MQTTnet turns the reason code into the MQTT 3.1.1 return code itself (MqttConnectReasonCodeConverter).
/// </summary>
public sealed partial class ConnectionValidator : IMqttServerObserver, IDisposable
{
    private const int LinesPerWindow = 10;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(10);

    private readonly ConnectionAuthenticator _authenticator;
    private readonly ILogger _logger;
    private readonly LogThrottle _throttle;

    /// <summary>Creates the validator; refusals are logged on the connections category.</summary>
    public ConnectionValidator(ConnectionAuthenticator authenticator, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _authenticator = authenticator;
        _logger = loggerFactory.CreateLogger(LogCategories.Connections);
        _throttle = new LogThrottle(LinesPerWindow, s_window, timeProvider, (count, window) => LogSuppressed(_logger, count, (int)window.TotalSeconds));
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _throttle.Dispose();
    }

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs eventArgs)
    {
        string clientId = eventArgs.ClientId;
        string remote = EndpointText.Format(eventArgs.RemoteEndPoint);
        if (string.IsNullOrEmpty(clientId))
        {
            if (eventArgs.ProtocolVersion != MqttProtocolVersion.V500)
            {
                // ClientChannelAdapter has already given one to clean-session clients; OASIS MQTT 3.1.1 [MQTT-3.1.3-8].
                Refuse(eventArgs, MqttConnectReasonCode.ClientIdentifierNotValid, "(no client id)", remote, "it sent an empty client id with a persistent session, which MQTT 3.1.1 does not allow");
                return Task.CompletedTask;
            }

            clientId = ClientIdentifiers.Create();
            eventArgs.AssignedClientIdentifier = clientId;
        }

        switch (_authenticator.Authenticate(eventArgs.UserName, eventArgs.RawPassword ?? []))
        {
            case AuthenticationOutcome.BadUserNameOrPassword:
                Refuse(eventArgs, MqttConnectReasonCode.BadUserNameOrPassword, clientId, remote, $"wrong user name or password (user '{eventArgs.UserName}')");
                break;
            case AuthenticationOutcome.AnonymousNotAllowed:
                Refuse(eventArgs, MqttConnectReasonCode.NotAuthorized, clientId, remote, "it sent no user name, and anonymous clients are not allowed (Broker:AllowAnonymous)");
                break;
            default:
                eventArgs.ReasonCode = MqttConnectReasonCode.Success;
                break;
        }

        return Task.CompletedTask;
    }

    private void Refuse(ValidatingConnectionEventArgs eventArgs, MqttConnectReasonCode reasonCode, string clientId, string remote, string reason)
    {
        eventArgs.ReasonCode = reasonCode;
        if (_logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter())
        {
            LogRefused(_logger, clientId, remote, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused {ClientId} from {Remote}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string clientId, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more refused connections in the last {Seconds} s were not shown")]
    private static partial void LogSuppressed(ILogger logger, int count, int seconds);
}
