namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>What a listing command shows.</summary>
public enum ShowTarget
{
    /// <summary>The command list.</summary>
    Help,

    /// <summary>Connected clients.</summary>
    Clients,

    /// <summary>Subscriptions, by topic filter.</summary>
    Subscriptions,

    /// <summary>Retained messages.</summary>
    Retained,
}
