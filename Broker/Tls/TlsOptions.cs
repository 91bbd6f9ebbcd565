namespace Esp32Mqtt.Broker.Tls;

/// <summary>The TLS listener's settings, bound from the configuration section <c>Broker:Tls</c>.</summary>
public sealed class TlsOptions
{
    /// <summary>The section these options are bound from, below the broker's own.</summary>
    public const string SectionName = "Tls";

    /// <summary>The standard port of MQTT over TLS (IANA registration "secure-mqtt"; OASIS MQTT 3.1.1, section 5.1).</summary>
    public const int StandardMqttTlsPort = 8883;

    /// <summary>
    /// Whether to listen for TLS: unset means "yes when a certificate is there", either the one
    /// <c>make-certificates</c> wrote to the data directory or <see cref="CertificateFile"/>; true insists (a missing
    /// certificate stops the start); false never listens for TLS.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>TCP port of the TLS listener; 0 picks any free port (the banner prints the real one).</summary>
    public int Port { get; set; } = StandardMqttTlsPort;

    /// <summary>The server certificate (PEM), possibly followed by its intermediates; empty means the one <c>make-certificates</c> wrote.</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>The certificate's private key (PEM, not encrypted); empty means the one <c>make-certificates</c> wrote.</summary>
    public string KeyFile { get; set; } = string.Empty;
}
