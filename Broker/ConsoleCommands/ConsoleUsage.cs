namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>The console's help text.</summary>
public static class ConsoleUsage
{
    /// <summary>The command list, as printed by <c>help</c> and after a bad line.</summary>
    public const string Text =
        """
        Commands:
          <topic> <payload>          publish, for example: led on
          pub <topic> <payload> [--retain] [--qos 0|1]
                                     publish with options; "" is an empty payload (with --retain it clears the retained message)
          clients                    list the connected clients
          subs                       list the subscriptions
          retained                   list the retained messages
          help                       show this list
        """;
}
