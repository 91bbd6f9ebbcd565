using System.Security.Authentication;
using Esp32Mqtt.Broker.Tls;

namespace Esp32Mqtt.Broker.Tests.Tls;

public sealed class TlsHandshakeFailureTests
{
    private const string Authority = "/home/me/data/certificates/ca.crt";

    /// <summary>OpenSSL's words for the alert a client sent (its error queue, as .NET passes it on), and the line logged for it.</summary>
    public static TheoryData<string, string> Alerts => new()
    {
        { "error:0A000418:SSL routines::tlsv1 alert unknown ca", "the client does not trust this broker's certificate: give the client the authority's certificate, " + Authority },
        { "error:0A000412:SSL routines::sslv3 alert bad certificate", "the client refused this broker's certificate: is the name it connects to in the certificate? (make-certificates lists the names it holds)" },
        { "error:0A000415:SSL routines::sslv3 alert certificate expired", "the client finds this broker's certificate out of date: make a new one (make-certificates --force), or check the client's clock" },
        { "error:0A000438:SSL routines::tlsv1 alert internal error", "the client broke off the TLS handshake, as Mosquitto's clients do for a name that is not in the certificate (make-certificates lists the names it holds)" },
        { "error:0A00042E:SSL routines::tlsv1 alert protocol version", "the client offered only TLS versions older than 1.2, which this broker refuses" },
        { "error:0A000126:SSL routines::unexpected eof while reading", "the TLS handshake failed: error:0A000126:SSL routines::unexpected eof while reading" },
    };

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Explains_the_alert_a_client_sent(string openSslError, string expected)
    {
        // Arrange
        AuthenticationException exception = new("Authentication failed, see inner exception.", new InvalidOperationException(openSslError));

        // Act
        string line = TlsHandshakeFailure.Describe(exception, Authority);

        // Assert
        Assert.Equal(expected, line);
    }

    [Fact]
    public void Names_no_file_for_a_certificate_of_ones_own()
    {
        // Arrange
        AuthenticationException exception = new("tlsv1 alert unknown ca");

        // Act
        string line = TlsHandshakeFailure.Describe(exception, authorityCertificateFile: null);

        // Assert
        Assert.Equal("the client does not trust this broker's certificate: give the client the certificate authority that signed this broker's certificate", line);
    }

    [Theory]
    [InlineData(0x10, "it sent plain MQTT to the TLS port; turn TLS on in the client (on a board: UseTls = true), or connect to port 1883 without TLS")]
    [InlineData(0x47, "its first byte (0x47) does not start a TLS handshake; this port speaks MQTT over TLS")]
    public void Explains_a_first_byte_that_does_not_start_a_handshake(int firstByte, string expected)
    {
        // Act
        string line = TlsHandshakeFailure.DescribeFirstByte(firstByte, 1883);

        // Assert
        Assert.Equal(expected, line);
    }

    [Theory]
    [InlineData(false, "it sent nothing within 10 s (a TLS client starts with its handshake; Broker:ConnectTimeoutSeconds)")]
    [InlineData(true, "its TLS handshake did not finish within 10 s (Broker:ConnectTimeoutSeconds)")]
    public void Explains_a_handshake_that_took_too_long(bool started, string expected)
    {
        // Act
        string line = TlsHandshakeFailure.DescribeTimeout(started, 10);

        // Assert
        Assert.Equal(expected, line);
    }
}
