using System.Net;
using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Transport.Listening;

/// <summary>
/// Opens a listening socket and turns a bind failure into one line that says how to fix it; public for the broker's
/// other listeners (TLS), which open their ports as the transport opens its own.
/// </summary>
public static class ListenerSocket
{
    /// <summary>The standard MQTT port (OASIS MQTT 3.1.1, section 4.2; IANA registration).</summary>
    public const int StandardMqttPort = 1883;

    /// <summary>The broker's command-line switch for the plain port.</summary>
    public const string PortSwitch = "--port";

    private const int Backlog = 512;
    private const int FirstUnprivilegedPort = 1024;

    /// <summary>
    /// Binds and listens on <paramref name="bindAddress"/> (<c>*</c> = every interface) and <paramref name="port"/>. A
    /// failure names <paramref name="portSwitch"/>, the command-line switch that sets this port, whose usual value is
    /// <paramref name="standardPort"/>.
    /// </summary>
    public static Socket Open(string bindAddress, int port, string portSwitch = PortSwitch, int standardPort = StandardMqttPort)
    {
        ListenerPort listener = new(port, portSwitch, standardPort);
        if (bindAddress != TransportSettings.AllInterfaces)
        {
            return Bind(IPAddress.Parse(bindAddress), listener, dualMode: false);
        }

        if (Socket.OSSupportsIPv6)
        {
            try
            {
                return Bind(IPAddress.IPv6Any, listener, dualMode: true);
            }
            catch (ListenerException exception) when (exception.InnerException is SocketException
            {
                SocketErrorCode: SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported,
            })
            {
                // IPv6 is switched off on this machine (common in containers): every IPv4 interface is what matters.
            }
        }

        return Bind(IPAddress.Any, listener, dualMode: false);
    }

    /// <summary>
    /// The line that says why <paramref name="exception"/> kept the broker from listening on <paramref name="address"/>
    /// and <paramref name="port"/>, and how to fix it with <paramref name="portSwitch"/> (usually <paramref name="standardPort"/>).
    /// </summary>
    public static string Explain(SocketException exception, IPAddress address, int port, string portSwitch = PortSwitch, int standardPort = StandardMqttPort)
    {
        int suggestedPort = port + 1;
        return exception.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse =>
                $"Cannot listen on port {port}: another program is already using it, most likely another MQTT broker such as Mosquitto. "
                + $"Stop that program, or start this broker on another port: dotnet run --project Broker -- {portSwitch} {suggestedPort}",
            SocketError.AccessDenied when port < FirstUnprivilegedPort =>
                $"Cannot listen on port {port}: ports below {FirstUnprivilegedPort} need administrator rights. "
                + $"Use the standard MQTT port instead: {portSwitch} {standardPort}",
            SocketError.AccessDenied =>
                $"Cannot listen on port {port}: the operating system refused (a firewall or security policy?). Try another port: {portSwitch} {suggestedPort}",
            SocketError.AddressNotAvailable =>
                $"Cannot listen on {address}: it is not an address of this computer. "
                + $"Set Broker:BindAddress to {TransportSettings.AllInterfaces} (every interface) or to one of this computer's addresses",
            _ => $"Cannot listen on {address} port {port}: {exception.Message}",
        };
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
            throw new ListenerException(Explain(exception, address, listener.Port, listener.Switch, listener.StandardPort), exception);
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

    /// <summary>A port to listen on, the switch that sets it, and its usual value.</summary>
    private readonly record struct ListenerPort(int Port, string Switch, int StandardPort);
}
