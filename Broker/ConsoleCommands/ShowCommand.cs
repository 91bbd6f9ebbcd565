namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>A listing command: <c>help</c>, <c>clients</c>, <c>subs</c> or <c>retained</c>.</summary>
/// <param name="Target">What to list.</param>
public sealed record ShowCommand(ShowTarget Target) : ConsoleCommand;
