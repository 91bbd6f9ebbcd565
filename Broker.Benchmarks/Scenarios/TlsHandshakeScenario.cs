using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// What TLS adds to a connection: one new connection at a time, from TCP connect to CONNACK, without TLS, with a full
/// TLS 1.2 handshake (what a board's mbedTLS does) and with a full TLS 1.3 handshake, taken in turn. The certificate is
/// make-certificates' (RSA 2048), checked by .NET's client against its authority on this same machine, so both ends'
/// work is in the figures; session resumption is off, as a board reconnecting after a reset has no session to resume.
/// </summary>
internal sealed class TlsHandshakeScenario : IScenario
{
    /// <summary>Measured connections of each kind per run.</summary>
    public const int Connections = 200;

    private const int QuickConnections = 50;
    private const int WarmUpConnections = 20;
    private const int ConnAckBytes = 4;
    private const byte AcceptedReturnCode = 0;
    private const int ReturnCodeIndex = 3;
    private const double Median = 50;
    private const double NinetyNinth = 99;
    private const double MillisecondsPerSecond = 1_000;
    private const string ClientId = "bench-tls";
    private static readonly TimeSpan s_listeningTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_retryInterval = TimeSpan.FromMilliseconds(1);

    /// <inheritdoc />
    public string Name => "tls-handshake";

    /// <inheritdoc />
    public string Title => "new connection, plain and over TLS (one at a time)";

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        if (broker.TlsPort is not { } tlsPort || context.Certificates is null)
        {
            return Task.FromResult(new ScenarioOutcome().Note("not measured: TLS needs the certificates of our broker's make-certificates, which a run without our broker does not make"));
        }

        return Task.Factory.StartNew(() => Measure(broker.Port, tlsPort, context), context.Cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static ScenarioOutcome Measure(int port, int tlsPort, ScenarioContext context)
    {
        WaitUntilListening(tlsPort, context.Cancellation);
        X509Certificate2Collection authority = [];
        authority.ImportFromPemFile(context.Certificates!.AuthorityCertificate);
        int measured = context.Timings == ScenarioTimings.Quick ? QuickConnections : Connections;
        long[] plain = new long[measured];
        long[] tls12 = new long[measured];
        long[] tls13 = new long[measured];
        for (int index = -WarmUpConnections; index < measured; index++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            long plainTicks = TimePlain(port);
            long tls12Ticks = TimeTls(tlsPort, authority, SslProtocols.Tls12);
            long tls13Ticks = TimeTls(tlsPort, authority, SslProtocols.Tls13);
            if (index >= 0)
            {
                plain[index] = plainTicks;
                tls12[index] = tls12Ticks;
                tls13[index] = tls13Ticks;
            }
        }

        Array.Sort(plain);
        Array.Sort(tls12);
        Array.Sort(tls13);
        return new ScenarioOutcome()
            .Add(Metrics.PlainConnect, Milliseconds(Percentiles.Of(plain, Median)))
            .Add(Metrics.Tls12Connect, Milliseconds(Percentiles.Of(tls12, Median)))
            .Add(Metrics.Tls13Connect, Milliseconds(Percentiles.Of(tls13, Median)))
            .Detail(string.Create(
                CultureInfo.InvariantCulture,
                $"{measured} connections of each kind; p99: plain {Milliseconds(Percentiles.Of(plain, NinetyNinth)):0.00} ms, TLS 1.2 {Milliseconds(Percentiles.Of(tls12, NinetyNinth)):0.00} ms, TLS 1.3 {Milliseconds(Percentiles.Of(tls13, NinetyNinth)):0.00} ms"));
    }

    /// <summary>
    /// The broker was ready when its plain port answered; its TLS listener, a second listener of the MQTT server, may
    /// open a moment later.
    /// </summary>
    private static void WaitUntilListening(int port, CancellationToken cancellation)
    {
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                MqttConnection.OpenSocket(port).Dispose();
                return;
            }
            catch (SocketException) when (Stopwatch.GetElapsedTime(start) < s_listeningTimeout)
            {
                Thread.Sleep(s_retryInterval);
            }
        }
    }

    private static long TimePlain(int port)
    {
        long start = Stopwatch.GetTimestamp();
        Socket socket = MqttConnection.Connect(port, ClientId);
        long elapsed = Stopwatch.GetTimestamp() - start;
        MqttConnection.Close(socket);
        return elapsed;
    }

    private static long TimeTls(int port, X509Certificate2Collection authority, SslProtocols protocol)
    {
        SslClientAuthenticationOptions options = new()
        {
            TargetHost = BrokerSettings.ListenAddress,
            EnabledSslProtocols = protocol,
            AllowTlsResume = false,
            CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck },
        };
        options.CertificateChainPolicy.CustomTrustStore.AddRange(authority);
        long start = Stopwatch.GetTimestamp();
        Socket socket = MqttConnection.OpenSocket(port);
        using SslStream tls = new(new NetworkStream(socket, ownsSocket: true));
        tls.AuthenticateAsClient(options);
        tls.Write(PacketEncoder.Connect(ClientId, MqttConnection.KeepAliveSeconds));
        byte[] connAck = new byte[ConnAckBytes];
        tls.ReadExactly(connAck);
        long elapsed = Stopwatch.GetTimestamp() - start;
        if (connAck[ReturnCodeIndex] != AcceptedReturnCode)
        {
            throw new IOException($"The broker refused the TLS connection (CONNACK return code {connAck[ReturnCodeIndex]}).");
        }

        tls.Write(PacketEncoder.Disconnect());

        // Closed with a reset, as MqttConnection.Close does, so no TIME_WAIT entry is left to exhaust local ports.
        socket.LingerState = new LingerOption(true, 0);
        return elapsed;
    }

    private static double Milliseconds(long ticks)
    {
        return ticks * MillisecondsPerSecond / Stopwatch.Frequency;
    }
}
