using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Discovery;

public sealed class DiscoveringMqttConnectionTests
{
    private static readonly MqttConnectRequest s_request = new("esp32-a1b2c3", string.Empty, string.Empty, "esp32/esp32-a1b2c3/status", "offline", 15);

    private readonly FakeClock _clock = new();
    private readonly RecordingLog _log = new();
    private readonly FakeMulticastDnsChannel _channel;
    private readonly FakeMqttConnectionFactory _factory = new();
    private readonly DiscoveryPolicy _policy = new();
    private readonly DiscoveringMqttConnection _connection;

    public DiscoveringMqttConnectionTests()
    {
        _channel = new FakeMulticastDnsChannel(_clock);
        var choice = new BrokerChoice(string.Empty, "BrokerName in DeviceSettings.cs", "BrokerHost in DeviceSettings.cs", _log);
        _connection = new DiscoveringMqttConnection(new BrokerFinder(_channel, _clock, choice, _log, _policy), _factory, _policy, _log);
    }

    [Fact]
    public void Connects_to_the_address_and_port_the_broker_advertises()
    {
        // Arrange
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10", 1884).Build());

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.Equal(("192.0.2.10", 1884), (_factory.Made.Single().Host, _factory.Made.Single().Port));
        Assert.True(_connection.IsConnected);
        Assert.Equal("esp32mqtt on PC", _connection.Broker?.Name);
    }

    [Fact]
    public void Cannot_reach_a_broker_when_none_answers()
    {
        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Unreachable, result.Outcome);
        Assert.Equal("no esp32mqtt broker answered on the network", result.Detail);
        Assert.Empty(_factory.Made);
        Assert.False(_connection.IsConnected);
        Assert.False(_connection.Publish("led/state", [1], retain: true));
    }

    [Fact]
    public void Keeps_the_broker_it_found_for_later_connects()
    {
        // Arrange
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        _connection.Connect(s_request);
        _factory.Made[0].Connection.Drop();

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.Single(_channel.Sent);
        Assert.Equal(2, _factory.Made[0].Connection.ConnectRequests.Count);
    }

    [Fact]
    public void Looks_again_after_failing_to_reach_it_several_times_and_follows_it_to_its_new_address()
    {
        // Arrange
        _factory.ScriptedResults = [.. Enumerable.Repeat(MqttConnectResult.Unreachable("connection refused"), _policy.FailuresBeforeLookingAgain)];
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        for (int attempt = 0; attempt < _policy.FailuresBeforeLookingAgain; attempt++)
        {
            _connection.Connect(s_request);
        }

        _factory.ScriptedResults = [];
        _channel.Answer(2, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.77").Build());

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.Equal(["192.0.2.10", "192.0.2.77"], _factory.Made.Select(made => made.Host));
        Assert.Contains("Could not reach 'esp32mqtt on PC' at 192.0.2.10:1883 3 times in a row: looking for the broker again next time.", _log.Lines);
    }

    [Fact]
    public void Does_not_look_again_when_the_broker_refuses_the_connection()
    {
        // Arrange
        _factory.ScriptedResults = [.. Enumerable.Repeat(MqttConnectResult.Refused("not authorized"), _policy.FailuresBeforeLookingAgain + 1)];
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());

        // Act
        for (int attempt = 0; attempt <= _policy.FailuresBeforeLookingAgain; attempt++)
        {
            _connection.Connect(s_request);
        }

        // Assert
        Assert.Single(_channel.Sent);
        Assert.Equal("192.0.2.10", _connection.Broker?.Address);
    }

    [Fact]
    public void Passes_on_the_messages_and_the_lost_connection_of_the_connection_it_made()
    {
        // Arrange
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        _connection.Connect(s_request);
        _connection.Subscribe(["led"]);
        List<string> received = [];
        int lost = 0;
        _connection.MessageReceived += (topic, payload) => received.Add(topic);
        _connection.ConnectionLost += () => lost++;
        FakeMqttConnection inner = _factory.Made[0].Connection;

        // Act
        inner.Deliver("led", "on");
        inner.Drop();

        // Assert
        Assert.Equal(["led"], received);
        Assert.Equal(1, lost);
        Assert.False(_connection.IsConnected);
    }
}
