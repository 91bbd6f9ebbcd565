using System.Globalization;
using System.Net;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>The banner's line about the TLS listener: its port and what clients check the broker with, or how to turn it on.</summary>
public static class TlsBanner
{
    /// <summary>The start of the line that carries the TLS listener's real port; tests read the port from it.</summary>
    public const string PortLinePrefix = "TLS on port ";

    /// <summary>The line in its place when TLS is off.</summary>
    public const string OffLine = "TLS: off ('dotnet run --project Broker -- make-certificates' sets it up)";

    /// <summary>The line for a TLS listener on <paramref name="bound"/> (null when it does not listen) with <paramref name="setup"/>'s files.</summary>
    public static string Line(IPEndPoint? bound, TlsSetup setup)
    {
        if (bound is null)
        {
            return OffLine;
        }

        string port = PortLinePrefix + bound.Port.ToString(CultureInfo.InvariantCulture) + " too";
        return setup.AuthorityCertificateFile is null
            ? $"{port}, with the certificate in {setup.CertificateFile}"
            : $"{port}; boards and clients check the broker with the certificate authority in {setup.AuthorityCertificateFile}";
    }
}
