using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Esp32Client.Core;

namespace Esp32Client.Simulator.Networking;

/// <summary>
/// The simulator's multicast DNS port: a UDP socket on a port of its own that sends each question out of every
/// network interface carrying multicast (a PC often has several: Wi-Fi, Ethernet, virtual machines' adapters), and
/// receives the answers, which responders send straight back to that port (RFC 6762 section 6.7).
/// </summary>
public sealed class UdpMulticastDnsChannel(ILog log) : IMulticastDnsChannel, IDisposable
{
    // RFC 6762 section 11: multicast DNS packets go out with IP time to live 255.
    private const int MulticastTimeToLive = 255;
    private const int MicrosecondsPerMillisecond = 1000;

    private static readonly IPEndPoint s_group = new(IPAddress.Parse(MulticastDns.GroupAddress), MulticastDns.Port);

    private Socket? _socket;

    public bool Send(byte[] message)
    {
        try
        {
            _socket ??= Open();
        }
        catch (SocketException exception)
        {
            log.Write("Cannot open a UDP port to ask the network for the broker: " + exception.Message);
            return false;
        }

        int sent = 0;
        string lastProblem = "no network interface with an IPv4 address carries multicast";
        foreach (IPAddress address in MulticastAddresses())
        {
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, address.GetAddressBytes());
                _socket.SendTo(message, s_group);
                sent++;
            }
            catch (SocketException exception)
            {
                lastProblem = address + ": " + exception.Message;
            }
        }

        if (sent == 0)
        {
            log.Write("Cannot ask the network for the broker (" + lastProblem + "): connect this PC to the broker's network, or give --broker HOST.");
        }

        return sent > 0;
    }

    public int Receive(byte[] buffer, int timeoutMilliseconds)
    {
        Socket? socket = _socket;
        if (socket is null)
        {
            return -1;
        }

        try
        {
            if (!socket.Poll(timeoutMilliseconds * MicrosecondsPerMillisecond, SelectMode.SelectRead))
            {
                return 0;
            }

            return socket.Receive(buffer);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
        {
            // Windows reports an earlier send's ICMP "port unreachable" here; a datagram too big is cut: go on listening.
            return 0;
        }
        catch (SocketException exception)
        {
            log.Write("Listening for the broker's answer failed: " + exception.Message);
            return -1;
        }
    }

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    public void Dispose()
    {
        Close();
    }

    private static Socket Open()
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, MulticastTimeToLive);
            socket.Bind(new IPEndPoint(IPAddress.Any, 0));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // One IPv4 address per interface that is up and carries multicast; it names the interface to send from.
    private static IEnumerable<IPAddress> MulticastAddresses()
    {
        foreach (NetworkInterface candidate in NetworkInterface.GetAllNetworkInterfaces())
        {
            bool loopback = candidate.NetworkInterfaceType == NetworkInterfaceType.Loopback;
            bool up = candidate.OperationalStatus == OperationalStatus.Up || (loopback && candidate.OperationalStatus == OperationalStatus.Unknown);
            if (!up || !candidate.SupportsMulticast || !candidate.Supports(NetworkInterfaceComponent.IPv4))
            {
                continue;
            }

            IPAddress? address = candidate.GetIPProperties().UnicastAddresses
                .Select(unicast => unicast.Address)
                .FirstOrDefault(unicast => unicast.AddressFamily == AddressFamily.InterNetwork);
            if (address is not null)
            {
                yield return address;
            }
        }
    }
}
