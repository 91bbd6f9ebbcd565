using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>
/// The TLS port beside the plain one: accepts a connection, does the TLS handshake (TLS 1.2 or 1.3, within the connect
/// timeout), then hands the decrypted stream to <see cref="GuardedTcpServerAdapter"/>, which serves it as it serves a
/// plain client. A connection that never finishes the handshake is closed with one line saying why.
/// </summary>
public sealed class TlsListener : IDisposable
{
    /// <summary>TLS 1.2 at least (RFC 8996 retires 1.0 and 1.1); the ESP32's mbedTLS speaks 1.2.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private readonly BrokerOptions _options;
    private readonly GuardedTcpServerAdapter _adapter;
    private readonly ConnectionProblemLog _problems;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private SslServerAuthenticationOptions? _authentication;

    /// <summary>Creates the listener; nothing is loaded or bound until <see cref="Open"/>.</summary>
    public TlsListener(IOptions<BrokerOptions> options, GuardedTcpServerAdapter adapter, ConnectionProblemLog problems, TimeProvider timeProvider)
    {
        _options = options.Value;
        _adapter = adapter;
        _problems = problems;
        _timeProvider = timeProvider;
        Setup = TlsSetup.From(_options);
    }

    /// <summary>Whether it listens, and with which files.</summary>
    public TlsSetup Setup { get; }

    /// <summary>The address and real port listened on, once started; null when TLS is off.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>
    /// Loads the certificate and opens the listening socket, if TLS is on; connections wait in its backlog until
    /// <see cref="StartAccepting"/>. A bad certificate or a port in use throws <see cref="Hosting.BrokerStartupException"/>
    /// with the line to print.
    /// </summary>
    public void Open()
    {
        if (!Setup.Listens)
        {
            return;
        }

        _authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = ServerCertificateLoader.Load(Setup, _timeProvider.GetUtcNow()),
            EnabledSslProtocols = Protocols,
            ClientCertificateRequired = false,
            CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            EncryptionPolicy = EncryptionPolicy.RequireEncryption,
        };
        _listener = ListenerSocket.Open(_options.BindAddress, _options.Tls.Port, CommandLineSwitches.TlsPort, TlsOptions.StandardMqttTlsPort);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    /// <summary>Starts taking the connections, once the MQTT server serves them (after <see cref="Open"/>; nothing if TLS is off).</summary>
    public void StartAccepting()
    {
        if (_listener is { } listener)
        {
            _ = Task.Run(() => AcceptConnectionsAsync(listener, _stopping.Token));
        }
    }

    /// <summary>Closes the listening socket and abandons handshakes in progress; connections already serving MQTT go on.</summary>
    public void StopAccepting()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _listener?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        StopAccepting();
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
        IPEndPoint remote = EndpointText.Normalize((IPEndPoint)socket.RemoteEndPoint!);
        socket.NoDelay = true;
        SslStream tls = new(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        string? failure = await HandshakeAsync(socket, tls, stopping).ConfigureAwait(false);
        if (failure is not null)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            if (failure.Length > 0 && !stopping.IsCancellationRequested)
            {
                _problems.Closed(remote, failure);
            }

            return;
        }

        await _adapter.ServeAsync(tls, LocalEndPoint!, remote).ConfigureAwait(false);
    }

    /// <summary>Null once the handshake is done; otherwise why it failed, or an empty text when the client just went away.</summary>
    private async Task<string?> HandshakeAsync(Socket socket, SslStream tls, CancellationToken stopping)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        int firstByte = -1;
        try
        {
            firstByte = await TlsHandshakeFailure.PeekFirstByteAsync(socket, limit.Token).ConfigureAwait(false);
            if (firstByte != TlsHandshakeFailure.HandshakeRecord)
            {
                return TlsHandshakeFailure.DescribeFirstByte(firstByte, _adapter.LocalEndPoint?.Port ?? _options.Port);
            }

            await tls.AuthenticateAsServerAsync(_authentication!, limit.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            return TlsHandshakeFailure.DescribeTimeout(firstByte >= 0, _options.ConnectTimeoutSeconds);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or SocketException or ObjectDisposedException)
        {
            return TlsHandshakeFailure.Describe(exception, Setup.AuthorityCertificateFile);
        }
    }
}
