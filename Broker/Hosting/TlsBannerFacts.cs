using System.Net;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>What the start-up banner shows about the TLS listener.</summary>
/// <param name="LocalEndPoint">The address and real port it listens on.</param>
/// <param name="AuthorityCertificateFile">The certificate authority's certificate that clients check the broker with, if make-certificates made it.</param>
/// <param name="CertificateFile">The broker's own certificate.</param>
public sealed record TlsBannerFacts(IPEndPoint LocalEndPoint, string? AuthorityCertificateFile, string CertificateFile);
