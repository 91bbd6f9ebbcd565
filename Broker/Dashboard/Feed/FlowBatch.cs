namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>What a page gets of the flow since it last looked.</summary>
/// <param name="Items">Messages and counts of messages not drawn, oldest first.</param>
/// <param name="LastNumber">The number of the last message counted; the page asks for what came after it next time.</param>
public sealed record FlowBatch(IReadOnlyList<FlowItem> Items, long LastNumber);
