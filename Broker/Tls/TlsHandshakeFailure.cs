using System.Globalization;
using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>Says in words why a connection to the TLS port never got past the handshake, and what to change.</summary>
public static class TlsHandshakeFailure
{
    /// <summary>The first byte of a TLS handshake record (RFC 8446, section 5.1, ContentType handshake).</summary>
    public const int HandshakeRecord = 0x16;

    /// <summary>The first byte of an MQTT CONNECT packet (OASIS MQTT 3.1.1, section 3.1.1).</summary>
    private const int ConnectPacket = 0x10;

    /// <summary>The first byte the client sent, without taking it from the socket; -1 if it closed without sending any.</summary>
    public static async Task<int> PeekFirstByteAsync(Socket socket, CancellationToken cancellationToken)
    {
        byte[] first = new byte[1];
        int received = await socket.ReceiveAsync(first, SocketFlags.Peek, cancellationToken).ConfigureAwait(false);
        return received == 0 ? -1 : first[0];
    }

    /// <summary>Why a connection whose first byte was <paramref name="firstByte"/>, not a TLS handshake, was closed.</summary>
    public static string DescribeFirstByte(int firstByte, int plainPort)
    {
        return firstByte switch
        {
            ConnectPacket => string.Create(
                CultureInfo.InvariantCulture,
                $"it sent plain MQTT to the TLS port; turn TLS on in the client (on a board: UseTls = true), or connect to port {plainPort} without TLS"),
            _ => string.Create(CultureInfo.InvariantCulture, $"its first byte (0x{firstByte:X2}) does not start a TLS handshake; this port speaks MQTT over TLS"),
        };
    }

    /// <summary>Why a connection that took too long was closed.</summary>
    public static string DescribeTimeout(bool handshakeStarted, int seconds)
    {
        return handshakeStarted
            ? string.Create(CultureInfo.InvariantCulture, $"its TLS handshake did not finish within {seconds} s (Broker:ConnectTimeoutSeconds)")
            : string.Create(CultureInfo.InvariantCulture, $"it sent nothing within {seconds} s (a TLS client starts with its handshake; Broker:ConnectTimeoutSeconds)");
    }

    /// <summary>
    /// Why the handshake failed. A client that refuses the broker's certificate says so with a TLS alert (RFC 8446,
    /// section 6.2), which OpenSSL reports by name in the exception's message. mbedTLS, on the board, picks the alert
    /// from what its check found (library/ssl_tls.c, mbedtls_ssl_parse_certificate): unknown_ca for an authority it does
    /// not have, bad_certificate for a name not in the certificate, certificate_expired for dates. Mosquitto's clients
    /// send internal_error for a name not in the certificate.
    /// </summary>
    public static string Describe(Exception exception, string? authorityCertificateFile)
    {
        string message = AllMessages(exception);
        string giveAuthority = authorityCertificateFile is null
            ? "give the client the certificate authority that signed this broker's certificate"
            : $"give the client the authority's certificate, {authorityCertificateFile}";
        const string Names = "make-certificates lists the names it holds";
        if (Mentions(message, "unknown ca"))
        {
            return $"the client does not trust this broker's certificate: {giveAuthority}";
        }

        if (Mentions(message, "bad certificate"))
        {
            return $"the client refused this broker's certificate: is the name it connects to in the certificate? ({Names})";
        }

        if (Mentions(message, "certificate expired"))
        {
            return "the client finds this broker's certificate out of date: make a new one (make-certificates --force), or check the client's clock";
        }

        if (Mentions(message, "internal error"))
        {
            return $"the client broke off the TLS handshake, as Mosquitto's clients do for a name that is not in the certificate ({Names})";
        }

        if (Mentions(message, "protocol version") || Mentions(message, "unsupported protocol"))
        {
            return "the client offered only TLS versions older than 1.2, which this broker refuses";
        }

        return "the TLS handshake failed: " + Innermost(exception).Message;
    }

    private static bool Mentions(string text, string words)
    {
        return text.Contains(words, StringComparison.OrdinalIgnoreCase);
    }

    private static string AllMessages(Exception exception)
    {
        List<string> messages = [];
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" | ", messages);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
