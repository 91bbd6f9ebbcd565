using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tests.Transport;

public sealed class ClientConnectionsTests
{
    private const string ClientId = "esp32-a1";
    private const int FirstClientPort = 50001;
    private const int SecondClientPort = 50002;

    [Fact]
    public void Marks_the_open_connection_while_a_connect_with_its_client_id_is_pending()
    {
        // Arrange
        ClientConnections connections = new();
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
        ClientConnections connections = new();
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
        ClientConnections connections = new();
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
        ClientConnections connections = new();
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Keeps_the_connection_mqttnet_kept_when_it_reports_the_takeover_after_both_connacks(bool firstTakenOver)
    {
        // Arrange: two clients with one id connect at once; MQTTnet may keep either, and reports the other taken over
        // only after both CONNACKs were written.
        ClientConnections connections = new();
        using StreamChannelAdapter first = NewConnection(FirstClientPort);
        using StreamChannelAdapter second = NewConnection(SecondClientPort);
        AcceptInReverseOrder(connections, first, second);
        (StreamChannelAdapter lost, StreamChannelAdapter kept) = firstTakenOver ? (first, second) : (second, first);

        // Act
        connections.TakenOver(ClientId, lost.RemoteEndPoint);
        connections.Closed(ClientId, lost);

        // Assert: the connection MQTTnet kept is found, and watched for its keep-alive.
        Assert.Same(kept, connections.Find(ClientId));
        Assert.Equal([kept], connections.AcceptedConnections.Select(accepted => accepted.Value));
        Assert.True(lost.Takeover.IsPending);
        Assert.False(kept.Takeover.IsPending);
    }

    [Fact]
    public void Finds_the_other_connection_again_when_the_one_accepted_last_closes_before_any_takeover_is_reported()
    {
        // Arrange
        ClientConnections connections = new();
        using StreamChannelAdapter first = NewConnection(FirstClientPort);
        using StreamChannelAdapter second = NewConnection(SecondClientPort);
        AcceptInReverseOrder(connections, first, second);

        // Act: the first client disconnects on its own.
        connections.Closed(ClientId, first);

        // Assert
        Assert.Same(second, connections.Find(ClientId));
    }

    [Fact]
    public void Holds_the_shortcuts_of_a_connection_mqttnet_took_over()
    {
        // Arrange
        ClientConnections connections = new();
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
        ClientConnections connections = new();
        using StreamChannelAdapter open = AcceptedConnection(connections);
        using StreamChannelAdapter taking = NewConnection(SecondClientPort);
        connections.Connecting(ClientId, taking);
        connections.Accepted(ClientId, taking);

        // Act
        connections.Closed(ClientId, open);

        // Assert
        Assert.Same(taking, connections.Find(ClientId));
    }

    /// <summary>Two clients with one id connect at once; the second's CONNACK is written first, then the first's.</summary>
    private static void AcceptInReverseOrder(ClientConnections connections, StreamChannelAdapter first, StreamChannelAdapter second)
    {
        connections.Connecting(ClientId, first);
        connections.Connecting(ClientId, second);
        connections.Accepted(ClientId, second);
        connections.Accepted(ClientId, first);
    }

    private static StreamChannelAdapter AcceptedConnection(ClientConnections connections)
    {
        StreamChannelAdapter connection = NewConnection();
        connections.Connecting(ClientId, connection);
        connections.Accepted(ClientId, connection);
        return connection;
    }

    private static StreamChannelAdapter NewConnection(int clientPort = FirstClientPort)
    {
        DeliveryFlowControl flowControl = new(Options.Create(new BrokerOptions()), TimeProvider.System);
        IPEndPoint local = new(IPAddress.Loopback, 1883);
        IPEndPoint remote = new(IPAddress.Loopback, clientPort);
        return new StreamChannelAdapter(new MemoryStream(), local, remote, ushort.MaxValue, flowControl, QuietConnectionOwner.Instance);
    }
}
