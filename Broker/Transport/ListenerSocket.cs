using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>Opens the listening socket and turns a bind failure into one line that says how to fix it.</summary>
public static class ListenerSocket
{
    private const int Backlog = 512;
    private const int FirstUnprivilegedPort = 1024;

    /// <summary>
    /// Binds and listens on <paramref name="bindAddress"/> (<c>*</c> = every interface) and <paramref name="port"/>. A
    /// failure names <paramref name="portSwitch"/>, the command-line switch that sets this port, whose usual value is
    /// <paramref name="standardPort"/>.
    /// </summary>
    public static Socket Open(string bindAddress, int port, string portSwitch = CommandLineSwitches.Port, int standardPort = BrokerOptions.StandardMqttPort)
    {
        ListenerPort listener = new(port, portSwitch, standardPort);
        if (bindAddress != BrokerOptions.AllInterfaces)
        {
            return Bind(IPAddress.Parse(bindAddress), listener, dualMode: false);
        }

        if (Socket.OSSupportsIPv6)
        {
            try
            {
                return Bind(IPAddress.IPv6Any, listener, dualMode: true);
            }
            catch (BrokerStartupException exception) when (exception.InnerException is SocketException
            {
                SocketErrorCode: SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported,
            })
            {
                // IPv6 is switched off on this machine (common in containers): every IPv4 interface is what matters.
            }
        }

        return Bind(IPAddress.Any, listener, dualMode: false);
    }

    private static Socket Bind(IPAddress address, ListenerPort listener, bool dualMode)
    {
        Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (dualMode)
            {
                socket.DualMode = true;
            }

            if (OperatingSystem.IsWindows())
            {
                socket.ExclusiveAddressUse = true;
            }
            else
            {
                AllowRebindDuringTimeWait(socket);
            }

            socket.Bind(new IPEndPoint(address, listener.Port));
            socket.Listen(Backlog);
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new BrokerStartupException(Explain(exception, address, listener), exception);
        }
    }

    /// <summary>
    /// Lets a restarted broker bind while old connections sit in TIME_WAIT (SO_REUSEADDR); a port that another program
    /// is listening on still fails with "address in use". Set through the raw option because .NET's
    /// <see cref="SocketOptionName.ReuseAddress"/> also sets SO_REUSEPORT on Linux and macOS, which would let a second
    /// copy of this broker listen on the same port and take half of the connections, without any error.
    /// </summary>
    private static void AllowRebindDuringTimeWait(Socket socket)
    {
        // <sys/socket.h>: Linux SOL_SOCKET 1, SO_REUSEADDR 2; macOS and the BSDs SOL_SOCKET 0xFFFF, SO_REUSEADDR 4.
        (int level, int name) = OperatingSystem.IsLinux() ? (1, 2) : (0xFFFF, 4);
        socket.SetRawSocketOption(level, name, BitConverter.GetBytes(1));
    }

    private static string Explain(SocketException exception, IPAddress address, ListenerPort listener)
    {
        int port = listener.Port;
        int suggestedPort = port + 1;
        return exception.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse =>
                $"Cannot listen on port {port}: another program is already using it, most likely another MQTT broker such as Mosquitto. "
                + $"Stop that program, or start this broker on another port: dotnet run --project Broker -- {listener.Switch} {suggestedPort}",
            SocketError.AccessDenied when port < FirstUnprivilegedPort =>
                $"Cannot listen on port {port}: ports below {FirstUnprivilegedPort} need administrator rights. "
                + $"Use the standard MQTT port instead: {listener.Switch} {listener.StandardPort}",
            SocketError.AccessDenied =>
                $"Cannot listen on port {port}: the operating system refused (a firewall or security policy?). Try another port: {listener.Switch} {suggestedPort}",
            SocketError.AddressNotAvailable =>
                $"Cannot listen on {address}: it is not an address of this computer. "
                + $"Set Broker:BindAddress to {BrokerOptions.AllInterfaces} (every interface) or to one of this computer's addresses",
            _ => $"Cannot listen on {address} port {port}: {exception.Message}",
        };
    }

    /// <summary>A port to listen on, the switch that sets it, and its usual value.</summary>
    private readonly record struct ListenerPort(int Port, string Switch, int StandardPort);
}
