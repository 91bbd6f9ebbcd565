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
        ["--port"] = Section + ":" + nameof(Port),
        ["--id"] = Section + ":" + nameof(Id),
        ["--username"] = Section + ":" + nameof(Username),
        ["--password"] = Section + ":" + nameof(Password),
        ["--telemetry-seconds"] = Section + ":" + nameof(TelemetrySeconds),
        ["--home-assistant-discovery"] = Section + ":" + nameof(HomeAssistantDiscovery),
    };

    /// <summary>Broker host name or address. Unlike the board, the simulator runs on the PC, so localhost is right.</summary>
    public string Broker { get; set; } = "localhost";

    /// <summary>Broker TCP port.</summary>
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

    /// <summary>The settings the simulated board <paramref name="deviceId"/> runs with: these options, the rest as on the ESP32.</summary>
    public BoardSettings ToBoardSettings(string deviceId)
    {
        return new BoardSettings(deviceId)
        {
            BrokerHost = Broker,
            BrokerPort = Port,
            UserName = Username,
            Password = Password,
            TelemetryPeriodSeconds = TelemetrySeconds,
            HomeAssistantDiscovery = HomeAssistantDiscovery,
        };
    }
}
