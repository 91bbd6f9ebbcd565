using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.Broker.Transport.Listening;
using Microsoft.Extensions.Options;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>
/// The TLS port beside the transport's plain one, as a second listener of the MQTT server: it accepts a connection, does
/// the TLS handshake (TLS 1.2 or 1.3, within the connect timeout), and has the transport serve the decrypted stream
/// (<see cref="IBrokerTransport.ServeAsync"/>) exactly as it serves a plain client, with the same checks and keep-alive
/// watch; MQTTnet's own TLS listener (MqttTcpServerListener) has neither a handshake timeout nor the transport's checks.
/// A connection that never gets past the handshake is reported in one line that says why. Its banner line gives the
/// port and the certificate authority clients check the broker with.
/// </summary>
public sealed class TlsListener : IMqttServerAdapter, IBannerSection
{
    /// <summary>TLS 1.2 at least (RFC 8996 retires 1.0 and 1.1); the ESP32's mbedTLS speaks 1.2.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private readonly BrokerOptions _options;
    private readonly IBrokerTransport _transport;
    private readonly TrafficEvents _events;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private SslServerAuthenticationOptions? _authentication;

    /// <summary>Creates the listener; nothing is loaded or bound until the MQTT server starts it.</summary>
    public TlsListener(IOptions<BrokerOptions> options, IBrokerTransport transport, TrafficEvents events, TimeProvider timeProvider)
    {
        _options = options.Value;
        _transport = transport;
        _events = events;
        _timeProvider = timeProvider;
        Setup = TlsSetup.From(_options);
    }

    /// <inheritdoc />
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Whether it listens, and with which files.</summary>
    public TlsSetup Setup { get; }

    /// <summary>The address and real port listened on, once started; null when TLS is off.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>
    /// Loads the certificate and starts listening, if TLS is on. A bad certificate throws
    /// <see cref="Hosting.BrokerStartupException"/>, a port in use <see cref="ListenerException"/>, with the line to print.
    /// </summary>
    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        if (!Setup.Listens)
        {
            return Task.CompletedTask;
        }

        _authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = ServerCertificateLoader.Load(Setup, _timeProvider.GetUtcNow()),
            EnabledSslProtocols = Protocols,
            ClientCertificateRequired = false,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            EncryptionPolicy = EncryptionPolicy.RequireEncryption,
        };
        _listener = ListenerSocket.Open(_options.BindAddress, _options.Tls.Port, CommandLineSwitches.TlsPort, TlsOptions.StandardMqttTlsPort);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _ = Task.Run(() => AcceptConnectionsAsync(_listener, _stopping.Token));
        return Task.CompletedTask;
    }

    /// <summary>Closes the listening socket and abandons handshakes in progress; connections already served go on until the server stops them.</summary>
    public Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _listener?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Lines(IReadOnlyList<LanAddress> lanAddresses)
    {
        return [TlsBanner.Line(LocalEndPoint, Setup)];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        StopAsync().GetAwaiter().GetResult();
        _stopping.Dispose();
    }

    private async Task AcceptConnectionsAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that was reset while waiting in the backlog: only that client is affected.
                continue;
            }

            // Queued as a work item rather than with Task.Run, whose promise would stay for the connection's life.
            ThreadPool.QueueUserWorkItem(static state => _ = state.Listener.ServeAsync(state.Client, state.Stopping), (Listener: this, Client: client, Stopping: stopping), preferLocal: false);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        IPEndPoint remote = (IPEndPoint)socket.RemoteEndPoint!;
        socket.NoDelay = true;
        SslStream tls = new(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        ConnectionProblem? failure = await HandshakeAsync(socket, tls, remote, stopping).ConfigureAwait(false);
        Func<IMqttChannelAdapter, Task>? clientHandler = ClientHandler;
        if (failure is not null || clientHandler is null)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            if (failure is not null && !stopping.IsCancellationRequested)
            {
                _events.Report(failure);
            }

            return;
        }

        await _transport.ServeAsync(tls, LocalEndPoint!, remote, clientHandler).ConfigureAwait(false);
    }

    /// <summary>Null once the handshake is done; otherwise what went wrong.</summary>
    private async Task<ConnectionProblem?> HandshakeAsync(Socket socket, SslStream tls, IPEndPoint remote, CancellationToken stopping)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        int firstByte = -1;
        try
        {
            firstByte = await TlsHandshakeFailure.PeekFirstByteAsync(socket, limit.Token).ConfigureAwait(false);
            if (firstByte != TlsHandshakeFailure.HandshakeRecord)
            {
                int plainPort = _transport.LocalEndPoint?.Port ?? _options.Port;
                return firstByte < 0
                    ? new ConnectionProblem(ConnectionProblemKind.ClosedBeforeConnect, remote, "it closed before starting a TLS handshake")
                    : new ConnectionProblem(ConnectionProblemKind.Refused, remote, TlsHandshakeFailure.DescribeFirstByte(firstByte, plainPort));
            }

            await tls.AuthenticateAsServerAsync(_authentication!, limit.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            return new ConnectionProblem(ConnectionProblemKind.NoConnect, remote, TlsHandshakeFailure.DescribeTimeout(firstByte >= 0, _options.ConnectTimeoutSeconds));
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or SocketException or ObjectDisposedException)
        {
            return new ConnectionProblem(ConnectionProblemKind.Refused, remote, TlsHandshakeFailure.Describe(exception, Setup.AuthorityCertificateFile));
        }
    }
}
