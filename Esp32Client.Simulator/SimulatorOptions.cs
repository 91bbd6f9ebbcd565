using Esp32Client.Core;

namespace Esp32Client.Simulator;

/// <summary>How the simulated board reaches its broker; bound from the command line (section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Simulator";

    /// <summary>The short command-line switches, as the README gives them.</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--broker"] = Section + ":" + nameof(Broker),
        ["--broker-name"] = Section + ":" + nameof(BrokerName),
        ["--port"] = Section + ":" + nameof(Port),
        ["--id"] = Section + ":" + nameof(Id),
        ["--username"] = Section + ":" + nameof(Username),
        ["--password"] = Section + ":" + nameof(Password),
        ["--telemetry-seconds"] = Section + ":" + nameof(TelemetrySeconds),
        [TlsSwitch] = Section + ":" + nameof(Tls),
        ["--ca-file"] = Section + ":" + nameof(CaFile),
        ["--home-assistant-discovery"] = Section + ":" + nameof(HomeAssistantDiscovery),
    };

    /// <summary>The switch that turns TLS on; it may stand alone, as a flag.</summary>
    public const string TlsSwitch = "--tls";

    /// <summary>The value of <see cref="Broker"/> that means "find the broker on the network", as a board with no address does.</summary>
    public const string FindOnNetwork = "auto";

    /// <summary>
    /// Broker host name or address, or <see cref="FindOnNetwork"/> to find an esp32mqtt broker on the network (DNS-SD),
    /// on this PC or another one. Unlike the board, the simulator runs on a PC, so localhost is right too.
    /// </summary>
    public string Broker { get; set; } = FindOnNetwork;

    /// <summary>With <see cref="FindOnNetwork"/>: the advertised name of the broker to use when several answer, or empty for the first.</summary>
    public string BrokerName { get; set; } = string.Empty;

    /// <summary>True when the broker is to be found on the network.</summary>
    public bool FindsBroker => string.Equals(Broker.Trim(), FindOnNetwork, StringComparison.OrdinalIgnoreCase);

    /// <summary>Broker TCP port (with <see cref="FindOnNetwork"/>, the port the broker advertises is used instead).</summary>
    public int Port { get; set; } = BoardSettings.DefaultBrokerPort;

    /// <summary>Device id; empty means <c>sim-</c> + 6 hex digits that stay the same on this machine.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>User name, when the broker requires one.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Password, with <see cref="Username"/>.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Seconds between telemetry messages (as on the board by default).</summary>
    public int TelemetrySeconds { get; set; } = BoardSettings.DefaultTelemetryPeriodSeconds;

    /// <summary>True (the default) to announce the board to Home Assistant; <c>--home-assistant-discovery false</c> turns it off.</summary>
    public bool HomeAssistantDiscovery { get; set; } = true;

    /// <summary>Whether to connect over TLS, as the board's <c>UseTls</c> setting (the broker's TLS port is usually 8883).</summary>
    public bool Tls { get; set; }

    /// <summary>
    /// With <see cref="Tls"/>: the PEM file of the certificate authority that signed the broker's certificate, as the
    /// board's <c>BrokerCaCertificatePem</c>; empty to trust the authorities this PC trusts.
    /// </summary>
    public string CaFile { get; set; } = string.Empty;

    /// <summary>
    /// The command line with a lone <c>--tls</c> written as <c>--tls=true</c>: the configuration's command-line reader
    /// takes the next argument as every switch's value.
    /// </summary>
    public static string[] ExpandFlags(string[] args)
    {
        var expanded = new List<string>(args.Length);
        for (int index = 0; index < args.Length; index++)
        {
            bool valueFollows = index + 1 < args.Length && bool.TryParse(args[index + 1], out _);
            expanded.Add(args[index] == TlsSwitch && !valueFollows ? TlsSwitch + "=true" : args[index]);
        }

        return [.. expanded];
    }

    /// <summary>
    /// The settings the simulated board <paramref name="deviceId"/> runs with: these options, the rest as on the ESP32.
    /// The CA certificate is read only for the boot report; the connection checks the broker against the file itself.
    /// </summary>
    public BoardSettings ToBoardSettings(string deviceId)
    {
        return new BoardSettings(deviceId)
        {
            BrokerHost = FindsBroker ? string.Empty : Broker,
            BrokerPort = Port,
            UserName = Username,
            Password = Password,
            UseTls = Tls,
            CaCertificatePem = Tls && CaFile.Length > 0 && File.Exists(CaFile) ? File.ReadAllText(CaFile) : string.Empty,
            TelemetryPeriodSeconds = TelemetrySeconds,
            HomeAssistantDiscovery = HomeAssistantDiscovery,
        };
    }
}
