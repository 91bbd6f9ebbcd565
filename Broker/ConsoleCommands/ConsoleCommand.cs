namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>A command typed at the broker console.</summary>
public abstract record ConsoleCommand;
