namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// A channel adapter that may keep a written PUBLISH in its buffer while MQTTnet's queue says more are coming
/// (<see cref="StreamChannelAdapter.SendPacketAsync"/>). An adapter around it that holds back or drops a PUBLISH instead
/// of passing it on flushes, so the one kept in the buffer does not wait for a packet that is not coming.
/// </summary>
internal interface ICoalescingChannel
{
    /// <summary>Writes out what the buffer keeps, if anything.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
