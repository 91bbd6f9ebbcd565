namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>One row of the flow view: a message drawn in full, or a count of messages not drawn ("+N more").</summary>
/// <param name="Number">The message's number, or the last number of the messages counted; a page that saw it already skips it.</param>
/// <param name="Message">The message, or null for a count.</param>
/// <param name="Skipped">How many messages were routed without being drawn; 0 for a message.</param>
public sealed record FlowItem(long Number, FlowEntry? Message, long Skipped);
