using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// A board with <c>UseTls</c> and <c>BrokerCaCertificatePem</c>, simulated, against each broker's TLS listener serving
/// the certificate make-certificates made, with Mosquitto's clients over TLS beside it; and the one line a board prints
/// when the certificate is not trusted or not made out to the host it connects to.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class TlsDeviceLoopTests(RabbitMqFixture rabbitMq)
{
    private const string RetryLinePrefix = "Retrying in ";

    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.Mosquitto)]
    [InlineData(BrokerKind.RabbitMq)]
    public async Task Lights_the_led_over_tls_checked_against_the_authority_make_certificates_made(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq, tls: true);
        string id = "sim-tls-" + kind.ToString().ToLowerInvariant();
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.TlsPort, id, "--tls", "--ca-file", broker.AuthorityCertificateFile);
        using ChildProcess subscriber = Mosquitto.StartSubscriber(broker.TlsPort, "--cafile", broker.AuthorityCertificateFile, "-t", board.Topics.LedState, "-v");
        await subscriber.WaitForOutputLineAsync(line => line == board.Topics.LedState + " off", TestTimeouts.Process);

        // Act
        ToolResult published = await Mosquitto.PublishAsync(broker.TlsPort, "--cafile", broker.AuthorityCertificateFile, "-t", "led", "-m", "on");

        // Assert
        Assert.True(published.ExitCode == 0, published.ToString());
        await subscriber.WaitForOutputLineAsync(line => line == board.Topics.LedState + " on", TestTimeouts.Short);
        await board.WaitForLedAsync(on: true);
    }

    [Fact]
    public async Task Says_the_certificate_is_not_trusted_and_retries_when_the_ca_file_is_another_authority()
    {
        // Arrange: the authority of another PC's make-certificates.
        using TemporaryDirectory elsewhere = new();
        CertificateFiles otherAuthority = TestCertificates.MakeIn(elsewhere.FullPath);
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(BrokerKind.Ours, tls: true);

        // Act
        using SimulatorProcess board = SimulatorProcess.Launch(broker.TlsPort, "sim-tls-untrusted", "--tls", "--ca-file", otherAuthority.AuthorityCertificate);

        // Assert
        string refusal = await board.Process.WaitForOutputLineAsync(line => line.Contains("Could not reach the broker:", StringComparison.Ordinal), TestTimeouts.Process);
        Assert.EndsWith($"Could not reach the broker: the broker's TLS certificate is not trusted: it is not signed by the certificate authority in {otherAuthority.AuthorityCertificate} (issued by '{IssuerOf(broker)}'; copy the broker's own CA certificate)", refusal, StringComparison.Ordinal);
        await board.Process.WaitForOutputLineAsync(line => line.Contains(RetryLinePrefix, StringComparison.Ordinal), TestTimeouts.Short);
        Assert.Equal(0, board.Connections);
    }

    [Fact]
    public async Task Says_the_certificate_is_for_other_names_and_retries_when_the_host_is_not_among_them()
    {
        // Arrange: our broker with a certificate of its own, from make-certificates' authority, made out to another host.
        using TemporaryDirectory data = new();
        CertificateFiles certificates = TestCertificates.MakeIn(data.FullPath);
        using (X509Certificate2 authority = X509Certificate2.CreateFromPemFile(certificates.AuthorityCertificate, certificates.AuthorityKey))
        using (X509Certificate2 elsewhere = LocalCertificateAuthority.IssueServerCertificate(authority, new ServerNames(["elsewhere.example"], []), DateTimeOffset.UtcNow))
        {
            PemFiles.WriteCertificate(data.Combine("elsewhere.crt"), elsewhere);
            PemFiles.WritePrivateKey(data.Combine("elsewhere.key"), elsewhere);
        }

        using BrokerProcess broker = await BrokerProcess.StartAsync(
            "--port", "0", "--tls-port", "0", "--bind", "127.0.0.1", "--data", data.FullPath,
            "--Broker:Tls:CertificateFile=" + data.Combine("elsewhere.crt"),
            "--Broker:Tls:KeyFile=" + data.Combine("elsewhere.key"));

        // Act
        using SimulatorProcess board = SimulatorProcess.Launch(broker.TlsPort!.Value, "sim-tls-name", "--tls", "--ca-file", certificates.AuthorityCertificate);

        // Assert
        string refusal = await board.Process.WaitForOutputLineAsync(line => line.Contains("Could not reach the broker:", StringComparison.Ordinal), TestTimeouts.Process);
        Assert.EndsWith("Could not reach the broker: the broker's TLS certificate does not match '127.0.0.1': it is made out to elsewhere.example; connect with one of those (--broker), or make the broker's certificate again (make-certificates --force)", refusal, StringComparison.Ordinal);
        await board.Process.WaitForOutputLineAsync(line => line.Contains(RetryLinePrefix, StringComparison.Ordinal), TestTimeouts.Short);
        Assert.Equal(0, board.Connections);
    }

    private static string IssuerOf(BrokerUnderTest broker)
    {
        using X509Certificate2 authority = X509Certificate2.CreateFromPem(File.ReadAllText(broker.AuthorityCertificateFile));
        return authority.Subject;
    }
}
