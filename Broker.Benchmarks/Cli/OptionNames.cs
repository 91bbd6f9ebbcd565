namespace Esp32Mqtt.Broker.Benchmarks.Cli;

/// <summary>The command-line switches, in one place for the parser and the help text.</summary>
internal static class OptionNames
{
    /// <summary>Measure both brokers.</summary>
    public const string VersusMosquitto = "--vs-mosquitto";

    /// <summary>Measure what our broker's dashboard costs.</summary>
    public const string Dashboard = "--dashboard";

    /// <summary>Measure one broker.</summary>
    public const string Broker = "--broker";

    /// <summary>Repetitions per scenario and broker.</summary>
    public const string Repetitions = "--repetitions";

    /// <summary>Shorter phases, one repetition.</summary>
    public const string Quick = "--quick";

    /// <summary>Run only the named scenarios.</summary>
    public const string Scenario = "--scenario";

    /// <summary>Result file path without extension.</summary>
    public const string Output = "--output";

    /// <summary>A Broker.dll to run instead of building one.</summary>
    public const string BrokerDll = "--broker-dll";

    /// <summary>The mosquitto program.</summary>
    public const string Mosquitto = "--mosquitto";

    /// <summary>Our broker's transport.</summary>
    public const string TransportOption = "--transport";

    /// <summary>The default transport, our broker's own.</summary>
    public const string FastTransport = "fast";

    /// <summary>MQTTnet's own channel adapter, the fallback transport.</summary>
    public const string MqttNetTransport = "mqttnet";

    /// <summary>Per-client queue limit for both brokers.</summary>
    public const string QueueLimit = "--queue-limit";

    /// <summary>The help text.</summary>
    public const string Help = "--help";

    /// <summary>The help text, short form.</summary>
    public const string ShortHelp = "-h";
}
