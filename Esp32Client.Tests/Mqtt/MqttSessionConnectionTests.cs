using System.Text;
using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Mqtt;

public sealed class MqttSessionConnectionTests
{
    private static readonly TimeSpan s_threadTimeout = TimeSpan.FromSeconds(10);
    private static readonly MqttConnectRequest s_request = new("esp32-a1b2c3", string.Empty, string.Empty, "esp32/esp32-a1b2c3/status", "offline", 15);

    private readonly FakeMqttSessionFactory _sessions = new();
    private readonly RecordingLog _log = new();
    private readonly MqttSessionConnection _connection;
    private int _lostConnections;

    public MqttSessionConnectionTests()
    {
        _connection = new MqttSessionConnection(_sessions, _log);
        _connection.ConnectionLost += () => Interlocked.Increment(ref _lostConnections);
    }

    [Fact]
    public void Uses_a_fresh_client_for_every_connect_attempt()
    {
        // Arrange
        _sessions.Prepare = session => session.ConnectResult = MqttConnectResult.Refused("not authorized");
        _connection.Connect(s_request);
        _sessions.Prepare = null;

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.Equal(2, _sessions.Sessions.Count);
        Assert.All(_sessions.Sessions, session => Assert.Single(session.Connects));
    }

    [Fact]
    public void Reconnects_after_a_broker_restart_at_the_first_attempt_without_a_false_offline()
    {
        // Arrange
        BrokerRecord broker = new();
        M2MqttClientDoubleFactory clients = new(broker, reuseOneClient: false);
        MqttSessionConnection connection = new(clients, _log);
        connection.Connect(s_request);
        clients.Current.LoseConnectionToBrokerRestart();

        // Act
        MqttConnectResult result = connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.True(connection.IsConnected);
        Assert.Empty(broker.WillsPublished);
        Assert.Equal(2, clients.Clients.Count);
    }

    [Fact]
    public void A_reused_client_fails_a_reconnect_the_broker_accepted_and_the_broker_then_publishes_the_will()
    {
        // Arrange: what fresh clients avoid, reproduced with one client used for both connections.
        BrokerRecord broker = new();
        M2MqttClientDoubleFactory clients = new(broker, reuseOneClient: true);
        MqttSessionConnection connection = new(clients, _log);
        connection.Connect(s_request);
        clients.Current.LoseConnectionToBrokerRestart();

        // Act
        MqttConnectResult result = connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Unreachable, result.Outcome);
        Assert.Equal("Connection reset by peer", result.Detail);
        Assert.Equal(2, broker.Accepted);
        Assert.Equal(["offline"], broker.WillsPublished);
    }

    [Fact]
    public void Says_why_a_client_cannot_be_made_and_makes_no_attempt()
    {
        // Arrange
        _sessions.CreateError = "cannot resolve the broker mypc.local: host not found";

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Unreachable, result.Outcome);
        Assert.Equal("cannot resolve the broker mypc.local: host not found", result.Detail);
        Assert.Empty(_sessions.Sessions);
        Assert.False(_connection.IsConnected);
    }

    [Fact]
    public void Closes_the_client_after_a_refusal_and_passes_the_reason_on()
    {
        // Arrange
        _sessions.Prepare = session => session.ConnectResult = MqttConnectResult.Refused("bad user name or password");

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Refused, result.Outcome);
        Assert.Equal("bad user name or password", result.Detail);
        Assert.Equal(1, _sessions.Current.Closes);
        Assert.False(_connection.IsConnected);
    }

    [Fact]
    public void Closes_the_client_when_connecting_throws_and_reports_the_broker_unreachable_in_words()
    {
        // Arrange
        _sessions.Prepare = session => session.ConnectException = new IOException("no CONNACK within 30 s");

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Unreachable, result.Outcome);
        Assert.Equal("described: no CONNACK within 30 s", result.Detail);
        Assert.Equal(1, _sessions.Current.Closes);
    }

    [Fact]
    public void Keeps_an_accepted_connection_open()
    {
        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.True(_connection.IsConnected);
        Assert.Equal(0, _sessions.Current.Closes);
    }

    [Fact]
    public void Sends_nothing_while_disconnected_and_reaches_no_client()
    {
        // Act
        bool published = _connection.Publish("esp32/esp32-a1b2c3/led/state", Encoding.UTF8.GetBytes("on"), true);
        bool subscribed = _connection.Subscribe(["led"]);
        bool unsubscribed = _connection.Unsubscribe(["led"]);

        // Assert
        Assert.False(published);
        Assert.False(subscribed);
        Assert.False(unsubscribed);
        Assert.Empty(_sessions.Sessions);
    }

    [Fact]
    public void Sends_nothing_once_the_connection_dropped()
    {
        // Arrange
        _connection.Connect(s_request);
        _sessions.Current.Drop();

        // Act
        bool published = _connection.Publish("esp32/esp32-a1b2c3/led/state", Encoding.UTF8.GetBytes("on"), true);

        // Assert
        Assert.False(published);
        Assert.Empty(_sessions.Current.Published);
    }

    [Fact]
    public void Passes_subscriptions_and_publishes_to_the_connected_client()
    {
        // Arrange
        _connection.Connect(s_request);

        // Act
        bool subscribed = _connection.Subscribe(["led", "esp32/esp32-a1b2c3/led"]);
        bool published = _connection.Publish("esp32/esp32-a1b2c3/led/state", Encoding.UTF8.GetBytes("on"), true);
        bool unsubscribed = _connection.Unsubscribe(["led"]);

        // Assert
        Assert.True(subscribed && published && unsubscribed);
        Assert.Equal([["led", "esp32/esp32-a1b2c3/led"]], _sessions.Current.Subscribed);
        Assert.Equal([new PublishedMessage("esp32/esp32-a1b2c3/led/state", "on", true)], _sessions.Current.Published);
        Assert.Equal([["led"]], _sessions.Current.Unsubscribed);
    }

    [Fact]
    public void Refuses_a_publish_the_client_cannot_queue_and_says_why()
    {
        // Arrange
        _connection.Connect(s_request);
        _sessions.Current.SendException = new InvalidOperationException("the client's queue is full");

        // Act
        bool published = _connection.Publish("esp32/esp32-a1b2c3/telemetry", Encoding.UTF8.GetBytes("{}"), false);

        // Assert
        Assert.False(published);
        Assert.Equal(["MQTT: publishing to esp32/esp32-a1b2c3/telemetry failed: described: the client's queue is full"], _log.Lines);
    }

    [Fact]
    public void Reports_a_dropped_connection_once()
    {
        // Arrange
        _connection.Connect(s_request);

        // Act
        _sessions.Current.Drop();
        _sessions.Current.RaiseClosed();

        // Assert
        Assert.Equal(1, _lostConnections);
        Assert.False(_connection.IsConnected);
        Assert.Equal(["MQTT: the connection to the broker was lost."], _log.Lines);
    }

    [Fact]
    public void Does_not_report_the_close_that_follows_its_own_disconnect()
    {
        // Arrange
        _connection.Connect(s_request);
        FakeMqttSession session = _sessions.Current;
        session.DuringDisconnect = session.RaiseClosed;

        // Act
        _connection.Disconnect();
        session.RaiseClosed();

        // Assert
        Assert.Equal(1, session.Disconnects);
        Assert.Equal(0, _lostConnections);
    }

    [Fact]
    public void Ignores_messages_and_closes_from_an_earlier_connection()
    {
        // Arrange
        List<string> received = [];
        _connection.MessageReceived += (topic, payload) => received.Add(topic);
        _connection.Connect(s_request);
        FakeMqttSession earlier = _sessions.Current;
        _connection.Disconnect();
        _connection.Connect(s_request);

        // Act
        earlier.Deliver("led", "on");
        earlier.RaiseClosed();
        _sessions.Current.Deliver("esp32/esp32-a1b2c3/led", "off");

        // Assert
        Assert.Equal(["esp32/esp32-a1b2c3/led"], received);
        Assert.Equal(0, _lostConnections);
        Assert.True(_connection.IsConnected);
    }

    [Fact]
    public void Keeps_a_throwing_message_handler_from_reaching_the_clients_thread()
    {
        // Arrange
        _connection.MessageReceived += (topic, payload) => throw new InvalidOperationException("handler bug");
        _connection.Connect(s_request);

        // Act
        Exception? thrown = Record.Exception(() => _sessions.Current.Deliver("led", "on"));

        // Assert
        Assert.Null(thrown);
        Assert.Equal(["MQTT: handling a message on led failed: handler bug"], _log.Lines);
        Assert.True(_connection.IsConnected);
    }

    [Fact]
    public void Keeps_a_throwing_connection_lost_handler_from_reaching_the_clients_thread()
    {
        // Arrange
        _connection.ConnectionLost += () => throw new InvalidOperationException("handler bug");
        _connection.Connect(s_request);

        // Act
        Exception? thrown = Record.Exception(_sessions.Current.Drop);

        // Assert
        Assert.Null(thrown);
        Assert.Contains("MQTT: handling the lost connection failed: handler bug", _log.Lines);
    }

    [Fact]
    public void Reports_a_connection_the_broker_closes_while_connect_is_still_returning_as_a_failed_attempt()
    {
        // Arrange: the close comes from another thread while Connect waits, as M2Mqtt's dispatch thread raises it.
        using ManualResetEventSlim closed = new();
        _sessions.Prepare = session => session.DuringConnect = () =>
        {
            Task.Run(session.Drop).ContinueWith(_ => closed.Set());
            Assert.True(closed.Wait(s_threadTimeout), "the close never came");
        };

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Unreachable, result.Outcome);
        Assert.Equal("the broker closed the connection as soon as it had accepted it", result.Detail);
        Assert.Equal(0, _lostConnections);
        Assert.False(_connection.IsConnected);
    }

    [Fact]
    public void Ignores_a_late_close_of_the_previous_connection_that_arrives_while_connecting_again()
    {
        // Arrange
        _connection.Connect(s_request);
        FakeMqttSession previous = _sessions.Current;
        _connection.Disconnect();
        _sessions.Prepare = session => session.DuringConnect = () =>
            Assert.True(Task.Run(previous.RaiseClosed).Wait(s_threadTimeout), "the late close never came");

        // Act
        MqttConnectResult result = _connection.Connect(s_request);

        // Assert
        Assert.Equal(MqttConnectOutcome.Connected, result.Outcome);
        Assert.Equal(0, _lostConnections);
        Assert.True(_connection.IsConnected);
    }

    [Fact]
    public void Does_not_report_a_close_raised_on_another_thread_while_its_own_disconnect_runs()
    {
        // Arrange
        _connection.Connect(s_request);
        FakeMqttSession session = _sessions.Current;
        session.DuringDisconnect = () => Assert.True(Task.Run(session.Drop).Wait(s_threadTimeout), "the close never came");

        // Act
        _connection.Disconnect();

        // Assert
        Assert.Equal(1, session.Disconnects);
        Assert.Equal(0, _lostConnections);
    }

    [Fact]
    public async Task Ends_cleanly_a_connection_that_was_being_made_when_disconnect_was_called()
    {
        // Arrange
        using ManualResetEventSlim connecting = new();
        using ManualResetEventSlim release = new();
        _sessions.Prepare = session => session.DuringConnect = () =>
        {
            connecting.Set();
            Assert.True(release.Wait(s_threadTimeout), "the test never released the connect");
        };
        Task<MqttConnectResult> attempt = Task.Run(() => _connection.Connect(s_request));
        Assert.True(connecting.Wait(s_threadTimeout), "the connect never started");

        // Act
        _connection.Disconnect();
        release.Set();
        MqttConnectResult result = await attempt.WaitAsync(s_threadTimeout);

        // Assert
        Assert.Equal(MqttConnectOutcome.Unreachable, result.Outcome);
        Assert.Equal(1, _sessions.Current.Disconnects);
        Assert.False(_connection.IsConnected);
        Assert.Equal(0, _lostConnections);
    }
}
