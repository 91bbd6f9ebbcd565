using Esp32Mqtt.Broker.Transport.Resumption;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class SessionInFlightTests
{
    private readonly SessionInFlight _inFlight = new();

    [Fact]
    public void Sends_a_message_the_first_time_as_it_is()
    {
        // Arrange
        MqttPublishPacket publish = Publish(packetId: 5);

        // Act
        MqttPubRelPacket? instead = _inFlight.Sending(publish);

        // Assert
        Assert.Null(instead);
        Assert.Equal(5, publish.PacketIdentifier);
        Assert.False(publish.Dup);
    }

    [Fact]
    public void Sends_an_unacknowledged_message_again_with_its_original_packet_id_and_dup()
    {
        // Arrange: MQTTnet queues it again under a new identifier when the client comes back (MqttSession.Recover).
        MqttPublishPacket publish = Publish(packetId: 5);
        _inFlight.Sending(publish);
        publish.PacketIdentifier = 9;

        // Act
        MqttPubRelPacket? instead = _inFlight.Sending(publish);

        // Assert
        Assert.Null(instead);
        Assert.Equal(5, publish.PacketIdentifier);
        Assert.True(publish.Dup);
    }

    [Fact]
    public void Continues_a_received_qos2_message_with_pubrel()
    {
        // Arrange
        MqttPublishPacket publish = Publish(packetId: 5, MqttQualityOfServiceLevel.ExactlyOnce);
        _inFlight.Sending(publish);
        _inFlight.Received(5);
        publish.PacketIdentifier = 9;

        // Act
        MqttPubRelPacket? instead = _inFlight.Sending(publish);

        // Assert
        Assert.NotNull(instead);
        Assert.Equal(5, instead.PacketIdentifier);
        Assert.Equal(5, publish.PacketIdentifier);
    }

    [Fact]
    public void Forgets_a_message_once_it_is_acknowledged()
    {
        // Arrange
        MqttPublishPacket publish = Publish(packetId: 5);
        _inFlight.Sending(publish);

        // Act
        _inFlight.Acknowledged(5);

        // Assert
        Assert.Equal(0, _inFlight.Unacknowledged);
    }

    [Fact]
    public void Takes_a_qos2_publish_again_only_after_its_pubrel()
    {
        // Act
        bool first = _inFlight.IsNewQos2Publish(7);
        bool again = _inFlight.IsNewQos2Publish(7);
        _inFlight.Released(7);
        bool reused = _inFlight.IsNewQos2Publish(7);

        // Assert
        Assert.True(first);
        Assert.False(again);
        Assert.True(reused);
    }

    private static MqttPublishPacket Publish(ushort packetId, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtLeastOnce)
    {
        return new MqttPublishPacket { Topic = "x/y", QualityOfServiceLevel = qualityOfService, PacketIdentifier = packetId };
    }
}
