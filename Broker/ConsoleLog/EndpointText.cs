using System.Net;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>Shows endpoints the way a person types them: <c>192.168.1.50:51234</c> rather than <c>[::ffff:192.168.1.50]:51234</c>.</summary>
public static class EndpointText
{
    /// <summary>Turns an IPv4 address mapped into IPv6 (from a dual-mode socket) back into plain IPv4.</summary>
    public static IPEndPoint Normalize(IPEndPoint endPoint)
    {
        return endPoint.Address.IsIPv4MappedToIPv6
            ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port)
            : endPoint;
    }

    /// <summary>Formats any endpoint, normalising IP endpoints first.</summary>
    public static string Format(EndPoint? endPoint)
    {
        return endPoint switch
        {
            null => "an unknown address",
            IPEndPoint ip => Normalize(ip).ToString(),
            _ => endPoint.ToString() ?? string.Empty,
        };
    }
}
