using System.Globalization;
using System.Net;
using Esp32Mqtt.Broker.Transport.Framing;

namespace Esp32Mqtt.Broker.Transport.Connections;

/// <summary>
/// Says in words why a connection ended before it became an MQTT client (garbage, HTTP, TLS, oversized packets,
/// silence) and hands that to the broker (<see cref="TransportSettings.ReportProblem"/>), which decides what to show.
/// </summary>
internal sealed class ConnectionProblems
{
    private readonly TransportSettings _settings;

    /// <summary>Reports to <paramref name="settings"/>' <see cref="TransportSettings.ReportProblem"/>.</summary>
    public ConnectionProblems(TransportSettings settings)
    {
        _settings = settings;
    }

    /// <summary>Reports a connection closed by <see cref="PacketGuardStream"/> or the payload limit.</summary>
    public void Rejected(EndPoint remote, PacketGuardRejection rejection)
    {
        Report(ConnectionProblemKind.Refused, remote, rejection.Describe(_settings.MaxPacketBytes, _settings.MaxPayloadBytes));
    }

    /// <summary>Reports how a connection that never became an MQTT client ended, if that says something useful.</summary>
    public void Ended(EndPoint remote, PacketGuardStream guard, bool brokerStopping)
    {
        if (guard.ConnectPacketReceived || guard.Rejection is not null || brokerStopping)
        {
            return;
        }

        if (guard.ClientClosed)
        {
            ClosedBeforeConnect(remote, guard.BytesReceived);
        }
        else
        {
            NoConnect(remote, guard.BytesReceived);
        }
    }

    /// <summary>Reports a client that closed its connection before it sent a whole CONNECT; null: bytes not counted.</summary>
    public void ClosedBeforeConnect(EndPoint remote, long? bytesReceived)
    {
        string received = bytesReceived is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({bytesReceived} bytes received)");
        Report(ConnectionProblemKind.ClosedBeforeConnect, remote, $"it closed before sending CONNECT{received}");
    }

    /// <summary>Reports a connection closed because no whole CONNECT arrived within the connect timeout; null: bytes not counted.</summary>
    public void NoConnect(EndPoint remote, long? bytesReceived)
    {
        string sent = bytesReceived switch
        {
            null => "it sent no whole CONNECT packet",
            0 => "it sent nothing",
            _ => string.Create(CultureInfo.InvariantCulture, $"it sent only {bytesReceived} bytes, not a whole CONNECT packet"),
        };
        Report(
            ConnectionProblemKind.NoConnect,
            remote,
            string.Create(CultureInfo.InvariantCulture, $"{sent} within {_settings.ConnectTimeoutSeconds} s (an MQTT client starts by sending CONNECT; Broker:ConnectTimeoutSeconds)"));
    }

    /// <summary>Reports a client whose keep-alive ran out, whose connection is being closed.</summary>
    public void KeepAliveExpired(EndPoint remote, string clientId, ushort keepAliveSeconds)
    {
        Report(
            ConnectionProblemKind.KeepAliveExpired,
            remote,
            string.Create(CultureInfo.InvariantCulture, $"{clientId} sent nothing for more than one and a half times its keep-alive of {keepAliveSeconds} s"));
    }

    /// <summary>Reports an MQTT 5 client disconnected for a topic alias it may not use (OASIS MQTT 5.0 section 3.3.4).</summary>
    public void TopicAliasRefused(EndPoint remote, string clientId, ushort alias, bool aboveMaximum, ushort maximum)
    {
        string why = aboveMaximum
            ? string.Create(CultureInfo.InvariantCulture, $"{clientId} used topic alias {alias}, above the {maximum} this broker allows (its CONNACK said so): disconnected with reason 0x94, Topic Alias invalid")
            : string.Create(CultureInfo.InvariantCulture, $"{clientId} used topic alias {alias} without a topic before setting it: disconnected with reason 0x82, Protocol Error");
        Report(ConnectionProblemKind.Refused, remote, why);
    }

    private void Report(ConnectionProblemKind kind, EndPoint remote, string description)
    {
        _settings.ReportProblem(new ConnectionProblem(kind, remote, description));
    }
}
