using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class AcceptedConnectionsTests
{
    private const string ClientId = "esp32-a1";
    private const string OtherClientId = "esp32-b2";
    private const int FirstClientPort = 50001;
    private const int SecondClientPort = 50002;

    [Fact]
    public void Marks_the_open_connection_while_a_connect_with_its_client_id_is_pending()
    {
        // Arrange
        AcceptedConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter connecting = NewConnection(SecondClientPort);

        // Act
        connections.Connecting(ClientId, connecting);

        // Assert
        Assert.True(open.Takeover.IsPending);
        Assert.Same(open, connections.Find(ClientId));
    }

    [Fact]
    public void Lets_the_open_connection_go_on_when_the_connect_with_its_client_id_is_refused()
    {
        // Arrange
        AcceptedConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter refused = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, refused);

        // Act: closed without a CONNACK accepting it.
        connections.Closed(ClientId, refused);

        // Assert
        Assert.False(open.Takeover.IsPending);
        Assert.Same(open, connections.Find(ClientId));
    }

    [Fact]
    public void Leaves_the_taken_over_connection_marked_once_the_new_one_is_accepted()
    {
        // Arrange
        AcceptedConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter taking = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, taking);

        // Act: once accepted, closing the new connection no longer counts as a refused CONNECT.
        connections.Accepted(ClientId, taking);
        connections.Closed(ClientId, taking);

        // Assert: MQTTnet is ending the old connection; the new one was never held back.
        Assert.True(open.Takeover.IsPending);
        Assert.False(taking.Takeover.IsPending);
    }

    [Fact]
    public void Keeps_the_newer_connection_when_the_connack_of_the_one_it_took_over_is_written_last()
    {
        // Arrange: two clients with one id connect at once; MQTTnet lets the second take over the first before either
        // CONNACK is written.
        AcceptedConnections connections = new();
        using StreamChannelAdapter first = NewConnection(FirstClientPort);
        using StreamChannelAdapter second = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, first);
        connections.Connecting(ClientId, second);
        connections.TakenOver(ClientId, first.RemoteEndPoint);

        // Act
        connections.Accepted(ClientId, second);
        connections.Accepted(ClientId, first);
        connections.Closed(ClientId, first);

        // Assert
        Assert.Same(second, connections.Find(ClientId));
        Assert.True(first.Takeover.IsPending);
    }

    [Fact]
    public void Takes_in_a_later_connection_from_the_same_endpoint_when_a_takeover_was_reported_after_the_old_connection_closed()
    {
        // Arrange: MQTTnet reports the takeover once it has stopped the old connection, which can close first.
        AcceptedConnections connections = new();
        using StreamChannelAdapter old = AcceptedConnection(connections);
        using StreamChannelAdapter taking = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, taking);
        connections.Closed(ClientId, old);
        connections.TakenOver(ClientId, old.RemoteEndPoint);
        connections.Accepted(ClientId, taking);

        // Act: much later, another client happens to connect from the old connection's address and port.
        using StreamChannelAdapter later = NewConnection(FirstClientPort);
        connections.Connecting(OtherClientId, later);
        connections.Accepted(OtherClientId, later);

        // Assert
        Assert.Same(taking, connections.Find(ClientId));
        Assert.Same(later, connections.Find(OtherClientId));
        Assert.False(later.Takeover.IsPending);
    }

    [Fact]
    public void Forgets_the_client_when_the_connection_that_took_over_closes_before_the_old_one()
    {
        // Arrange: two clients with one id connect at once; the first is accepted, then taken over by the second.
        AcceptedConnections connections = new();
        using StreamChannelAdapter old = NewConnection(FirstClientPort);
        using StreamChannelAdapter taking = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, old);
        connections.Connecting(ClientId, taking);
        connections.Accepted(ClientId, old);
        connections.TakenOver(ClientId, old.RemoteEndPoint);
        connections.Accepted(ClientId, taking);

        // Act
        connections.Closed(ClientId, taking);

        // Assert: the connection taken over is on its way out and is not put back.
        Assert.Null(connections.Find(ClientId));
        Assert.Empty(connections.All);
        Assert.True(old.Takeover.IsPending);
    }

    [Fact]
    public void Holds_the_shortcuts_of_a_connection_mqttnet_took_over()
    {
        // Arrange
        AcceptedConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);

        // Act
        connections.TakenOver(ClientId, open.RemoteEndPoint);

        // Assert
        Assert.True(open.Takeover.IsPending);
    }

    [Fact]
    public void Keeps_the_new_connection_when_the_taken_over_one_closes_after_it()
    {
        // Arrange
        AcceptedConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter taking = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, taking);
        connections.Accepted(ClientId, taking);

        // Act
        connections.Closed(ClientId, open);

        // Assert
        Assert.Same(taking, connections.Find(ClientId));
    }

    private static StreamChannelAdapter AcceptedConnection(AcceptedConnections connections)
    {
        StreamChannelAdapter connection = NewConnection();
        connections.Connecting(ClientId, connection);
        connections.Accepted(ClientId, connection);
        return connection;
    }

    private static StreamChannelAdapter NewConnection(int clientPort = FirstClientPort)
    {
        return QuietConnectionOwner.Instance.Serve(new MemoryStream(), clientPort);
    }
}
