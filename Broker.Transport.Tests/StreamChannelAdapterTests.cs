using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.TestSupport;
using MQTTnet.Exceptions;

namespace Esp32Mqtt.Broker.Transport.Tests;

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

    [Fact]
    public async Task Reports_a_closed_connection_as_sending_nothing_more()
    {
        // Arrange
        (Socket client, Socket server) = await LoopbackConnection.OpenAsync();
        using Socket peer = client;
        EndPoint local = server.LocalEndPoint!;
        PacketGuardStream stream = PacketGuardStream.OverSocket(server, 1_024);
        DeliveryFlowControl flowControl = new(TestSettings.Create().MaxPendingMessagesPerClient, TimeProvider.System);
        using StreamChannelAdapter connection = new(stream, local, peer.LocalEndPoint!, 1_024, flowControl, QuietConnectionOwner.Instance);
        await peer.SendAsync(new byte[] { 0xC0, 0x00 });
        await Eventually.UntilAsync(() => stream.DataAvailable, TestTimeouts.Short, "the PINGREQ to arrive");

        // Act: closed, as after a failed write, while a will from this client may still be routed.
        await stream.DisposeAsync();

        // Assert: no exception (it would stop MQTTnet routing that message to anyone).
        Assert.False(connection.IsSendingMore);
    }
}
