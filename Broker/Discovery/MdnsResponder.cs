using System.Net;
using System.Net.Sockets;
using Esp32Client.Core;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Discovery;

/// <summary>
/// Advertises the running broker on the local network with DNS-SD over multicast DNS (RFC 6762, RFC 6763), so that
/// a board with no broker address set finds it: joins the multicast DNS group on each interface, announces the
/// broker at start, answers questions about it (one-shot, unicast and multicast ones) with the addresses of the
/// interface each question came in on, and says goodbye at stop. Starts after <see cref="BrokerServer"/>, whose real
/// port it advertises.
/// </summary>
public sealed partial class MdnsResponder : IHostedService, IDisposable
{
    // RFC 6762 section 8.3: announce at least twice, one second apart.
    private static readonly TimeSpan s_announcementInterval = TimeSpan.FromSeconds(1);

    // RFC 6762 section 6: a multicast reply about a shared record (the PTR) waits 20-120 ms, so that several
    // responders do not answer at the same instant.
    private const int SharedReplyMinimumDelayMilliseconds = 20;
    private const int SharedReplyMaximumDelayMilliseconds = 120;

    // RFC 6762 section 17: a multicast DNS message may take up to 9000 bytes.
    private const int ReceiveBufferBytes = 9000;

    // RFC 6762 section 11: every multicast DNS packet goes out with IP time to live 255.
    private const int MulticastTimeToLive = 255;

    private static readonly IPAddress s_group = IPAddress.Parse(MulticastDns.GroupAddress);
    private static readonly IPEndPoint s_groupEndPoint = new(s_group, MulticastDns.Port);

    private readonly BrokerOptions _options;
    private readonly BrokerServer _server;
    private readonly ILogger _logger;
    private readonly Lock _sendLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private ServiceAdvertisement? _advertisement;
    private IReadOnlyList<MulticastInterface> _interfaces = [];
    private Task _running = Task.CompletedTask;

    /// <summary>Creates the responder; nothing is sent before <see cref="StartAsync"/>.</summary>
    public MdnsResponder(IOptions<BrokerOptions> options, BrokerServer server, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _server = server;
        _logger = loggerFactory.CreateLogger(LogCategories.Discovery);
    }

    /// <summary>The broker version in the TXT record.</summary>
    public static string BrokerVersion => typeof(MdnsResponder).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        IPEndPoint endpoint = _server.LocalEndPoint ?? throw new InvalidOperationException("The broker has not started: nothing to advertise.");
        _advertisement = ServiceAdvertisement.For(_options, endpoint, Environment.MachineName, BrokerVersion);
        if (_advertisement is null)
        {
            return Task.CompletedTask;
        }

        _interfaces = MulticastInterfaces.Find(endpoint.Address);
        if (_interfaces.Count == 0)
        {
            LogNoInterface(_logger, _advertisement.Name);
            return Task.CompletedTask;
        }

        try
        {
            _socket = OpenSocket(_interfaces);
        }
        catch (SocketException exception)
        {
            // Another program may hold port 5353 without sharing it; the broker itself works on.
            LogCannotAdvertise(_logger, _advertisement.Name, exception.Message);
            _socket = null;
            return Task.CompletedTask;
        }

        LogAdvertising(_logger, _advertisement.Name, _advertisement.Port, string.Join(", ", _interfaces.Select(item => item.Name)));
        _running = Task.WhenAll(AnswerAsync(_socket, _advertisement, _stopping.Token), AnnounceAsync(_advertisement, _stopping.Token));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_socket is null || _advertisement is null)
        {
            return;
        }

        foreach (MulticastInterface networkInterface in _interfaces)
        {
            SendToGroup(MdnsResponseWriter.Announce(_advertisement, networkInterface.Addresses, goodbye: true), networkInterface);
        }

        _socket.Dispose();
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels the loops; nothing else is left to do.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket?.Dispose();
        _stopping.Dispose();
    }

    private static Socket OpenSocket(IReadOnlyList<MulticastInterface> interfaces)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Other responders (Avahi, Bonjour, Windows) share port 5353: every one of them gets each multicast question.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, MulticastTimeToLive);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, MulticastDns.Port));
            foreach (MulticastInterface networkInterface in interfaces)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(s_group, networkInterface.Index));
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AnnounceAsync(ServiceAdvertisement advertisement, CancellationToken stopping)
    {
        for (int round = 0; round < 2; round++)
        {
            foreach (MulticastInterface networkInterface in _interfaces)
            {
                SendToGroup(MdnsResponseWriter.Announce(advertisement, networkInterface.Addresses, goodbye: false), networkInterface);
            }

            await Task.Delay(s_announcementInterval, stopping).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(Socket socket, ServiceAdvertisement advertisement, CancellationToken stopping)
    {
        byte[] buffer = new byte[ReceiveBufferBytes];
        EndPoint anyone = new IPEndPoint(IPAddress.Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult received;
            try
            {
                received = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, anyone, stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.MessageSize or SocketError.ConnectionReset)
            {
                // A datagram too big for the buffer, or an ICMP error about an earlier send: skip it and go on.
                LogReceiveFailed(_logger, exception.Message);
                continue;
            }
            catch (SocketException exception)
            {
                LogStoppedAnswering(_logger, advertisement.Name, exception.Message);
                return;
            }

            IPEndPoint asker = (IPEndPoint)received.RemoteEndPoint;
            MdnsQuery? query = MdnsQueryReader.Read(buffer, received.ReceivedBytes, out string problem);
            if (query is null)
            {
                if (problem.Length > 0)
                {
                    LogMalformed(_logger, asker.ToString(), problem);
                }

                continue;
            }

            MulticastInterface? arrivedOn = _interfaces.FirstOrDefault(item => item.Index == received.PacketInformation.Interface);
            IReadOnlyList<IPAddress> addresses = arrivedOn?.Addresses ?? [.. _interfaces.SelectMany(item => item.Addresses).Distinct()];
            MdnsReplyMode mode = asker.Port != MulticastDns.Port ? MdnsReplyMode.OneShot
                : query.Questions.Any(question => question.UnicastResponse) ? MdnsReplyMode.Unicast
                : MdnsReplyMode.Multicast;
            byte[]? reply = MdnsResponseWriter.Reply(query, advertisement, addresses, mode);
            if (reply is null)
            {
                continue;
            }

            LogAnswered(_logger, asker.ToString(), mode);
            if (mode == MdnsReplyMode.Multicast && arrivedOn is not null)
            {
                _ = ReplyToGroupLaterAsync(reply, arrivedOn, stopping);
            }
            else
            {
                SendTo(reply, asker);
            }
        }
    }

    private async Task ReplyToGroupLaterAsync(byte[] reply, MulticastInterface networkInterface, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Random.Shared.Next(SharedReplyMinimumDelayMilliseconds, SharedReplyMaximumDelayMilliseconds + 1), stopping).ConfigureAwait(false);
            SendToGroup(reply, networkInterface);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the goodbye follows instead.
        }
    }

    private void SendToGroup(byte[] message, MulticastInterface networkInterface)
    {
        Socket? socket = _socket;
        if (socket is null)
        {
            return;
        }

        // One socket on port 5353 sends for every interface (RFC 6762 section 6: replies come from port 5353), so the
        // outgoing interface is set, by one of its addresses, right before each multicast send.
        lock (_sendLock)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, networkInterface.Addresses[0].GetAddressBytes());
                socket.SendTo(message, s_groupEndPoint);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                LogSendFailed(_logger, networkInterface.Name, exception.Message);
            }
        }
    }

    private void SendTo(byte[] message, IPEndPoint asker)
    {
        Socket? socket = _socket;
        if (socket is null)
        {
            return;
        }

        lock (_sendLock)
        {
            try
            {
                socket.SendTo(message, asker);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                LogSendFailed(_logger, asker.ToString(), exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "advertising '{Name}' (port {Port}) on the network with DNS-SD, on {Interfaces}")]
    private static partial void LogAdvertising(ILogger logger, string name, int port, string interfaces);

    [LoggerMessage(Level = LogLevel.Warning, Message = "not advertising '{Name}': no network interface with an IPv4 address carries multicast; boards need BrokerHost set to this PC's address")]
    private static partial void LogNoInterface(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "not advertising '{Name}': multicast DNS port 5353 cannot be opened ({Reason}); boards need BrokerHost set to this PC's address")]
    private static partial void LogCannotAdvertise(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "answered a DNS-SD question from {Asker} ({Mode})")]
    private static partial void LogAnswered(ILogger logger, string asker, MdnsReplyMode mode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ignored a malformed multicast DNS message from {Asker}: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string asker, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "multicast DNS: receiving failed: {Reason}")]
    private static partial void LogReceiveFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopped answering DNS-SD questions about '{Name}': {Reason}; boards need BrokerHost set to this PC's address")]
    private static partial void LogStoppedAnswering(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "multicast DNS: sending to {Destination} failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string destination, string reason);
}
