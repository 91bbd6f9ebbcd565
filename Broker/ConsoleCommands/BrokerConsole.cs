namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>Where console commands come from and where the banner and command output go; tests put their own here.</summary>
/// <param name="Input">Lines typed at the broker.</param>
/// <param name="Output">The banner and command output.</param>
public sealed record BrokerConsole(TextReader Input, TextWriter Output)
{
    /// <summary>The process's standard input and output.</summary>
    public static BrokerConsole Standard => new(Console.In, Console.Out);
}
