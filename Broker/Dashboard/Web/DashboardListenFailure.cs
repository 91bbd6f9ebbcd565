using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>Turns Kestrel's failure to listen on the dashboard's port into one line that says how to fix it.</summary>
public static class DashboardListenFailure
{
    private const int FirstUnprivilegedPort = 1024;
    private const string SwitchOff = "or switch the dashboard off: --dashboard false";

    /// <summary>The line for <paramref name="exception"/>, thrown while opening <paramref name="port"/>; null when it is not a listening failure.</summary>
    public static string? Explain(Exception exception, int port)
    {
        int suggestedPort = port == 0 ? 0 : port + 1;
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case AddressInUseException:
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                    return $"Cannot open the dashboard on port {port}: another program is already using it (another web server, or another copy of this broker?). "
                        + $"Stop that program, or give the dashboard another port: dotnet run --project Broker -- --dashboard-port {suggestedPort} ({SwitchOff})";
                case SocketException { SocketErrorCode: SocketError.AccessDenied } when port < FirstUnprivilegedPort:
                    return $"Cannot open the dashboard on port {port}: ports below {FirstUnprivilegedPort} need administrator rights. "
                        + $"Use the default instead: --dashboard-port {Configuration.BrokerOptions.DefaultDashboardPort} ({SwitchOff})";
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                    return $"Cannot open the dashboard on port {port}: the operating system refused (a firewall or security policy?). "
                        + $"Try another port: --dashboard-port {suggestedPort} ({SwitchOff})";
                default:
                    break;
            }
        }

        return exception is IOException or SocketException
            ? $"Cannot open the dashboard on port {port}: {exception.Message} ({SwitchOff})"
            : null;
    }
}
