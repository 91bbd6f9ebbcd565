using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.Framing;

namespace Esp32Mqtt.Broker.Transport.Listening;

/// <summary>
/// The TCP listener both transports serve clients through: it binds the socket itself (so the real port is known when
/// <c>Port</c> is 0, and a bind failure becomes one clear line), puts a <see cref="PacketGuardStream"/> under every
/// connection, hands it to the transport, and reports how a connection that never became an MQTT client ended.
/// </summary>
internal sealed class GuardedListener : IDisposable
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly Func<PacketGuardStream, IPEndPoint, CancellationToken, Task> _serve;
    private readonly ConcurrentDictionary<PacketGuardStream, byte> _openConnections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _allEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _listener;

    /// <summary>
    /// Listens as <paramref name="settings"/> say once started, and serves each connection with <paramref name="serve"/>
    /// (the guarded stream, the client's address, and a token that is cancelled when the listener stops).
    /// </summary>
    public GuardedListener(TransportSettings settings, ConnectionProblems problems, Func<PacketGuardStream, IPEndPoint, CancellationToken, Task> serve)
    {
        _settings = settings;
        _problems = problems;
        _serve = serve;
    }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>Binds and starts accepting; throws <see cref="ListenerException"/> when the port cannot be had.</summary>
    public void Start()
    {
        _listener = ListenerSocket.Open(_settings.BindAddress, _settings.Port);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _ = Task.Run(() => AcceptConnectionsAsync(_listener, _stopping.Token));
    }

    /// <summary>Closes the listening socket; connections already open go on.</summary>
    public void StopAccepting()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _listener?.Dispose();
    }

    /// <summary>
    /// Completes once accepting has stopped and MQTTnet has finished with every connection: each client's end has been
    /// handled, its will dispatched (MqttConnectedClient.RunAsync).
    /// </summary>
    public Task WhenAllEndedAsync()
    {
        EndedIfNoneOpen();
        return _allEnded.Task;
    }

    /// <summary>Stops accepting and closes every open connection.</summary>
    public void CloseAll()
    {
        StopAccepting();
        foreach (PacketGuardStream connection in _openConnections.Keys)
        {
            connection.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CloseAll();
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

    /// <summary>
    /// Serves a connection another listener accepted and opened, whose bytes come through <paramref name="connection"/>
    /// (a TLS stream after its handshake), as this listener serves its own: under a <see cref="PacketGuardStream"/>,
    /// closed with the others, waited for by <see cref="WhenAllEndedAsync"/>, and reported if it never became an MQTT
    /// client; <paramref name="serve"/> serves it. Owns <paramref name="connection"/>; one handed over after accepting
    /// stopped is closed at once, as a connection to the closed port would be refused.
    /// </summary>
    public Task ServeAsync(Stream connection, IPEndPoint remote, Func<PacketGuardStream, IPEndPoint, CancellationToken, Task> serve)
    {
        if (_stopping.IsCancellationRequested)
        {
            return connection.DisposeAsync().AsTask();
        }

        PacketGuardStream guard = new(connection, _settings.MaxPacketBytes, rejection => _problems.Rejected(remote, rejection));
        return ServeGuardedAsync(guard, remote, serve, _stopping.Token);
    }

    private Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        IPEndPoint remote = (IPEndPoint)socket.RemoteEndPoint!;
        socket.NoDelay = true;
        AcknowledgeAtOnce.OnAccepted(socket);
        PacketGuardStream guard = PacketGuardStream.OverSocket(socket, _settings.MaxPacketBytes, rejection => _problems.Rejected(remote, rejection));
        return ServeGuardedAsync(guard, remote, _serve, stopping);
    }

    private async Task ServeGuardedAsync(PacketGuardStream guard, IPEndPoint remote, Func<PacketGuardStream, IPEndPoint, CancellationToken, Task> serve, CancellationToken stopping)
    {
        _openConnections.TryAdd(guard, 0);
        try
        {
            await serve(guard, remote, stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection broke; MQTTnet has already ended that client's session and nothing else is affected.
        }
        finally
        {
            _openConnections.TryRemove(guard, out _);
            await guard.DisposeAsync().ConfigureAwait(false);
            _problems.Ended(remote, guard, stopping.IsCancellationRequested);
            EndedIfNoneOpen();
        }
    }

    private void EndedIfNoneOpen()
    {
        if (_stopping.IsCancellationRequested && _openConnections.IsEmpty)
        {
            _allEnded.TrySetResult();
        }
    }
}
