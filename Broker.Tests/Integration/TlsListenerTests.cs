using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// The TLS port with the certificates make-certificates made: its clients are served exactly as plain ones (routing,
/// keep-alive, will, packet guard), and every connection that does not get through the handshake is closed with a
/// line that says why.
/// </summary>
public sealed class TlsListenerTests : IDisposable
{
    private const int KeepAliveSecondsOffset = 10;
    private const byte ConnAckHeader = 0x20;
    private const string StatusTopic = "esp32/esp32-tls/status";

    // MQTT 3.1.1 section 3.1.2.10: the server disconnects after one and a half keep-alive periods without a packet.
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromSeconds(1.5);

    private readonly TemporaryDirectory _data = new();
    private readonly CertificateFiles _certificates;

    public TlsListenerTests()
    {
        _certificates = TestCertificates.MakeIn(_data.FullPath);
    }

    [Fact]
    public async Task Shows_the_tls_port_and_the_authority_in_the_banner()
    {
        // Act
        await using InProcessBroker broker = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath);

        // Assert
        await broker.Output.WaitForAsync($"TLS on port {broker.TlsPort} too; boards and clients check the broker with the certificate authority in {_certificates.AuthorityCertificate}");
    }

    [Fact]
    public async Task Says_tls_is_off_when_no_certificate_was_made()
    {
        // Act
        await using InProcessBroker broker = await InProcessBroker.StartAsync();

        // Assert
        Assert.Null(broker.TlsPort);
        await broker.Output.WaitForAsync("TLS: off ('dotnet run --project Broker -- make-certificates' sets it up)");
    }

    [Theory]
    [InlineData(TransportKind.Fast)]
    [InlineData(TransportKind.MqttNet)]
    public async Task Routes_between_tls_and_plain_clients(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath, transport: transport);
        await using TestMqttClient board = await ConnectOverTlsAsync(broker, "esp32-tls");
        await board.SubscribeAsync("led");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await phone.SubscribeAsync("esp32/esp32-tls/led/state");

        // Act
        await phone.PublishAsync("led", "on");
        ReceivedMessage command = await board.WaitForMessageAsync();
        await board.PublishAsync("esp32/esp32-tls/led/state", "on");

        // Assert
        Assert.Equal(new ReceivedMessage("led", "on", false), command);
        Assert.Equal(new ReceivedMessage("esp32/esp32-tls/led/state", "on", false), await phone.WaitForMessageAsync());
        Assert.True(board.Client.IsConnected);
    }

    [Theory]
    [InlineData(TransportKind.Fast)]
    [InlineData(TransportKind.MqttNet)]
    public async Task Closes_a_tls_client_silent_past_its_keep_alive_and_publishes_its_will(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath, transport: transport);
        await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(broker.Port, "watcher");
        await watcher.SubscribeAsync("esp32/sleeper/status");
        byte[] connect = RawMqtt.Connect311("sleeper", keepAliveSeconds: 1, will: ("esp32/sleeper/status", "offline"));

        // Act: CONNECT over TLS, then silence, as a board whose power was cut.
        using Socket socket = await RawMqtt.OpenAsync(broker.TlsPort!.Value);
        await using SslStream tls = await HandshakeAsync(socket);
        await tls.WriteAsync(connect);
        byte[] connAck = new byte[4];
        await tls.ReadExactlyAsync(connAck);
        Stopwatch silence = Stopwatch.StartNew();

        // Assert
        Assert.Equal(ConnAckHeader, connAck[0]);
        Assert.Equal(new ReceivedMessage("esp32/sleeper/status", "offline", false), await watcher.WaitForMessageAsync());
        Assert.InRange(silence.Elapsed, s_gracePeriod - TimeSpan.FromMilliseconds(100), TestTimeouts.Short);
    }

    [Theory]
    [InlineData(TransportKind.Fast)]
    [InlineData(TransportKind.MqttNet)]
    public async Task Keeps_the_retained_will_of_a_tls_client_still_connected_when_the_broker_stops(TransportKind transport)
    {
        // Arrange: a board online over TLS, with its retained will, when the broker is stopped (Ctrl-C).
        await using (InProcessBroker first = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath, transport: transport))
        {
            TestMqttClient board = await ConnectOverTlsAsync(
                first,
                "esp32-tls",
                options => options.WithWillTopic(StatusTopic).WithWillPayload("offline").WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            await board.PublishAsync(StatusTopic, "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

            // Act: the broker closes the board's connection without a DISCONNECT from the board.
            await first.StopAsync();
            board.Client.Dispose();
        }

        // Assert: the will was written before the broker stopped, as a plain client's is.
        await using InProcessBroker second = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath, transport: transport);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(second.Port, "phone");
        await phone.SubscribeAsync(StatusTopic);
        Assert.Equal(new ReceivedMessage(StatusTopic, "offline", true), await phone.WaitForMessageAsync());
    }

    [Fact]
    public async Task Closes_a_tls_connection_that_declares_a_packet_bigger_than_allowed_before_reading_it()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:MaxPayloadBytes"] = "1024" }, _data.FullPath);
        using Socket socket = await RawMqtt.OpenAsync(broker.TlsPort!.Value);
        await using SslStream tls = await HandshakeAsync(socket);
        await tls.WriteAsync(RawMqtt.Connect311("big-sender"));
        await tls.ReadExactlyAsync(new byte[4]);

        // Act: a PUBLISH header declaring 10 MB, without the body.
        await tls.WriteAsync(new byte[] { 0x30, 0x80, 0xAD, 0xE2, 0x04 });

        // Assert
        await broker.Logs.WaitForAsync("it sent a packet of 10,000,000 bytes, more than the 66,560 allowed");
        await WaitUntilClosedAsync(tls);
    }

    [Fact]
    public async Task Says_why_it_closed_a_plain_mqtt_client_on_the_tls_port()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath);

        // Act
        Exception? failure = await Record.ExceptionAsync(() => TestMqttClient.TryConnectAsync(broker.TlsPort!.Value, "plain-on-tls"));

        // Assert
        Assert.NotNull(failure);
        await broker.Logs.WaitForAsync($"it sent plain MQTT to the TLS port; turn TLS on in the client (on a board: UseTls = true), or connect to port {broker.Port} without TLS");
    }

    [SkippableFact]
    public async Task Says_why_it_closed_a_client_that_does_not_trust_its_certificate()
    {
        // Arrange: another authority, from another run of make-certificates. The check is mosquitto_pub's (OpenSSL), which
        // like the board's mbedTLS refuses during the handshake with an alert; .NET's client checks after it, unseen here.
        using TemporaryDirectory elsewhere = new();
        CertificateFiles otherAuthority = TestCertificates.MakeIn(elsewhere.FullPath);
        await using InProcessBroker broker = await InProcessBroker.StartAsync(dataDirectory: _data.FullPath);

        // Act
        ToolResult result = await Mosquitto.PublishAsync(broker.TlsPort!.Value, "--cafile", otherAuthority.AuthorityCertificate, "-t", "led", "-m", "on");

        // Assert
        Assert.NotEqual(0, result.ExitCode);
        await broker.Logs.WaitForAsync($"the client does not trust this broker's certificate: give the client the authority's certificate, {_certificates.AuthorityCertificate}");
    }

    [SkippableFact]
    public async Task Says_why_it_closed_a_client_that_connects_by_a_name_the_certificate_does_not_hold()
    {
        // Arrange: a certificate of one's own, from the same authority, made out to another host only.
        using X509Certificate2 authority = X509Certificate2.CreateFromPemFile(_certificates.AuthorityCertificate, _certificates.AuthorityKey);
        using X509Certificate2 elsewhere = LocalCertificateAuthority.IssueServerCertificate(authority, new ServerNames(["elsewhere.example"], []), DateTimeOffset.UtcNow);
        string certificateFile = _data.Combine("elsewhere.crt");
        string keyFile = _data.Combine("elsewhere.key");
        PemFiles.WriteCertificate(certificateFile, elsewhere);
        PemFiles.WritePrivateKey(keyFile, elsewhere);
        await using InProcessBroker broker = await InProcessBroker.StartAsync(
            new Dictionary<string, string?> { ["Broker:Tls:CertificateFile"] = certificateFile, ["Broker:Tls:KeyFile"] = keyFile },
            _data.FullPath);
        await broker.Output.WaitForAsync($"TLS on port {broker.TlsPort} too, with the certificate in {certificateFile}");

        // Act: mosquitto_pub connects to 127.0.0.1.
        ToolResult result = await Mosquitto.PublishAsync(broker.TlsPort!.Value, "--cafile", _certificates.AuthorityCertificate, "-t", "led", "-m", "on");

        // Assert
        Assert.NotEqual(0, result.ExitCode);
        await broker.Logs.WaitForAsync("the client broke off the TLS handshake, as Mosquitto's clients do for a name that is not in the certificate (make-certificates lists the names it holds)");
    }

    [Fact]
    public async Task Closes_a_connection_that_sends_nothing_within_the_connect_timeout()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:ConnectTimeoutSeconds"] = "1" }, _data.FullPath);

        // Act
        using Socket silent = await RawMqtt.OpenAsync(broker.TlsPort!.Value);
        await RawMqtt.WaitUntilClosedAsync(silent, TestTimeouts.Short);

        // Assert
        await broker.Logs.WaitForAsync("it sent nothing within 1 s (a TLS client starts with its handshake; Broker:ConnectTimeoutSeconds)");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _data.Dispose();
    }

    private static async Task WaitUntilClosedAsync(SslStream tls)
    {
        try
        {
            Assert.Equal(0, await tls.ReadAsync(new byte[1]).AsTask().WaitAsync(TestTimeouts.Short));
        }
        catch (IOException)
        {
            // Reset by the broker: closed as well.
        }
    }

    private Task<TestMqttClient> ConnectOverTlsAsync(InProcessBroker broker, string clientId, Action<MqttClientOptionsBuilder>? configure = null)
    {
        X509Certificate2Collection authority = [];
        authority.ImportFromPemFile(_certificates.AuthorityCertificate);
        return TestMqttClient.ConnectAsync(broker.TlsPort!.Value, clientId, MqttProtocolVersion.V311, options =>
        {
            options.WithTlsOptions(tls => tls.UseTls().WithTrustChain(authority));
            configure?.Invoke(options);
        });
    }

    private async Task<SslStream> HandshakeAsync(Socket socket)
    {
        X509Certificate2Collection authority = [];
        authority.ImportFromPemFile(_certificates.AuthorityCertificate);
        SslStream tls = new(new NetworkStream(socket, ownsSocket: false));
        SslClientAuthenticationOptions options = new()
        {
            TargetHost = "127.0.0.1",
            CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck },
        };
        options.CertificateChainPolicy.CustomTrustStore.AddRange(authority);
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        await tls.AuthenticateAsClientAsync(options, timeout.Token);
        return tls;
    }
}
