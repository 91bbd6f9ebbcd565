using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;

namespace Esp32Client.Simulator.Networking;

/// <summary>Says in one line why a connection attempt failed: the learner sees a reason and a fix, never a stack trace.</summary>
public static class ConnectFailure
{
    /// <summary>Words for a CONNACK refusal.</summary>
    public static string DescribeRefusal(MqttClientConnectResultCode code, string? reason)
    {
        string words = code switch
        {
            MqttClientConnectResultCode.BadUserNameOrPassword => "bad user name or password (check --username and --password)",
            MqttClientConnectResultCode.NotAuthorized => "not authorized (the broker needs a user name and password: --username, --password)",
            MqttClientConnectResultCode.ClientIdentifierNotValid => "client id rejected (try another --id)",
            MqttClientConnectResultCode.UnsupportedProtocolVersion => "the broker does not speak MQTT 3.1.1",
            MqttClientConnectResultCode.ServerUnavailable => "server unavailable",
            MqttClientConnectResultCode.ServerBusy => "server busy",
            MqttClientConnectResultCode.Banned => "banned",
            _ => code.ToString(),
        };
        return string.IsNullOrEmpty(reason) ? words : words + " (" + reason + ")";
    }

    /// <summary>Words for an attempt that never got an answer; <paramref name="tls"/> when it was made over TLS.</summary>
    public static string Describe(Exception exception, string host, int port, TimeSpan timeout, bool tls = false)
    {
        if (tls && Find<AuthenticationException>(exception) is { } refused)
        {
            return $"TLS with {host}:{port} failed: {FirstLine(Innermost(refused).Message)}";
        }

        if (tls && Find<IOException>(exception) is not null && Find<SocketException>(exception) is null)
        {
            // The TLS handshake began and the other side closed, or answered with something that is not TLS.
            return $"{host}:{port} did not answer the TLS handshake: is {port} the broker's TLS port? (usually 8883: --port 8883)";
        }

        if (exception is MqttConnectingFailedException { InnerException: MqttCommunicationException { InnerException: null } })
        {
            // MqttClient.Authenticate (MQTTnet 5.2): the broker closed the connection instead of answering the CONNECT.
            return tls
                ? $"{host}:{port} closed the connection without answering the CONNECT"
                : $"{host}:{port} closed the connection without answering the CONNECT: if it is the broker's TLS port (usually 8883), add --tls";
        }

        SocketException? socket = Find<SocketException>(exception);
        if (socket is not null)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"connection refused by {host}:{port}: is the broker running there? (dotnet run --project Broker)",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host '{host}' not found: check --broker, or use the broker's IP address",
                SocketError.TimedOut => $"no answer from {host}:{port}: check the address and the firewall",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"{host} is unreachable from this PC: check the address and the network",
                _ => $"{host}:{port}: {socket.Message}",
            };
        }

        if (exception is OperationCanceledException || Find<MqttCommunicationTimedOutException>(exception) is not null)
        {
            return $"no answer from {host}:{port} within {timeout.TotalSeconds:0} s: check the address and the firewall";
        }

        return $"{host}:{port}: {FirstLine(exception.Message)}";
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
