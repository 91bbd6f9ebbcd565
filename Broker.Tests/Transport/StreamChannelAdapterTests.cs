using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport;
using MQTTnet.Exceptions;

namespace Esp32Mqtt.Broker.Tests.Transport;

public sealed class StreamChannelAdapterTests
{
    public static TheoryData<Exception> QuietEnds => new()
    {
        new OperationCanceledException(),
        new TaskCanceledException(),
        new ObjectDisposedException("socket"),
    };

    public static TheoryData<Exception> ConnectionFailures => new()
    {
        new IOException("reset", new SocketException((int)SocketError.ConnectionReset)),
        new SocketException((int)SocketError.ConnectionReset),
    };

    [Theory]
    [MemberData(nameof(QuietEnds))]
    public void Ends_the_receive_with_no_packet_on_cancellation_or_a_closed_connection(Exception exception)
    {
        // Act
        bool ends = StreamChannelAdapter.EndsReceive(exception, out MqttCommunicationException? failure);

        // Assert
        Assert.True(ends);
        Assert.Null(failure);
    }

    [Theory]
    [MemberData(nameof(ConnectionFailures))]
    public void Ends_the_receive_with_a_communication_error_on_a_socket_error(Exception exception)
    {
        // Act
        bool ends = StreamChannelAdapter.EndsReceive(exception, out MqttCommunicationException? failure);

        // Assert: MQTTnet logs it as a broken connection, not as a fault of its own.
        Assert.True(ends);
        Assert.Same(exception, failure!.InnerException);
    }

    [Fact]
    public void Leaves_any_other_exception_alone()
    {
        // Act
        bool ends = StreamChannelAdapter.EndsReceive(new InvalidOperationException("a bug"), out MqttCommunicationException? failure);

        // Assert
        Assert.False(ends);
        Assert.Null(failure);
    }
}
