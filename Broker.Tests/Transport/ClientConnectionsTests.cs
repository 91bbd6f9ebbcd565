using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tests.Transport;

public sealed class ClientConnectionsTests
{
    private const string ClientId = "esp32-a1";

    [Fact]
    public void Marks_the_open_connection_while_a_connect_with_its_client_id_is_pending()
    {
        // Arrange
        ClientConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter connecting = NewConnection();

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
        ClientConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter refused = NewConnection();
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
        ClientConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter taking = NewConnection();
        connections.Connecting(ClientId, taking);

        // Act
        connections.Accepted(ClientId, taking);
        connections.Closed(ClientId, open);

        // Assert: MQTTnet is ending the old connection; the new one was never held back.
        Assert.True(open.Takeover.IsPending);
        Assert.False(taking.Takeover.IsPending);
    }

    [Fact]
    public void Keeps_the_new_connection_when_the_taken_over_one_closes_after_it()
    {
        // Arrange
        ClientConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter taking = NewConnection();
        connections.Connecting(ClientId, taking);
        connections.Accepted(ClientId, taking);

        // Act
        connections.Closed(ClientId, open);

        // Assert
        Assert.Same(taking, connections.Find(ClientId));
    }

    private static StreamChannelAdapter AcceptedConnection(ClientConnections connections)
    {
        StreamChannelAdapter connection = NewConnection();
        connections.Connecting(ClientId, connection);
        connections.Accepted(ClientId, connection);
        return connection;
    }

    private static StreamChannelAdapter NewConnection()
    {
        DeliveryFlowControl flowControl = new(Options.Create(new BrokerOptions()), TimeProvider.System);
        IPEndPoint endPoint = new(IPAddress.Loopback, 1883);
        return new StreamChannelAdapter(new MemoryStream(), endPoint, endPoint, ushort.MaxValue, flowControl, () => null, _ => { });
    }
}
