using System.Text;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// What the device contract meets on RabbitMQ beyond the loop <see cref="DeviceLoopTests"/> runs on every broker: a
/// board that logs in over TLS, as on a hosted broker; a wrong password; bad payloads; and RabbitMQ's limit on retained
/// messages, checked beside ours and Mosquitto so that the difference stays recorded.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqTests(RabbitMqFixture rabbitMq)
{
    private const string CommandsUsage = "use on, off, toggle, blink [count] [interval_ms] or ?";

    /// <summary>Bad payloads, each with its error line (all of them are in <see cref="BadPayloadTests"/>).</summary>
    private static readonly (string What, byte[] Payload, string Error)[] s_badPayloads =
    [
        ("an unknown word", Encoding.UTF8.GetBytes("blnk"), "unknown command \"blnk\": " + CommandsUsage),
        ("broken JSON", Encoding.UTF8.GetBytes("{\"state\":\"on\""), "invalid JSON: the text ends where ',' or '}' was expected: use {\"state\":\"on\"|\"off\"|\"toggle\"} or {\"blink\":N,\"interval_ms\":MS}"),
        ("bytes that are not UTF-8", [0xFF, 0xFE, 0x6F, 0x6E], "payload is not valid UTF-8 text: " + CommandsUsage),
    ];

    [SkippableTheory]
    [InlineData(BrokerKind.Ours, true)]
    [InlineData(BrokerKind.Mosquitto, true)]
    [InlineData(BrokerKind.RabbitMq, false)]
    public async Task Sends_a_retained_state_to_a_wildcard_subscription_except_on_rabbitmq(BrokerKind kind, bool sent)
    {
        // Arrange: a retained state, then one subscription that names its topic and one with a wildcard.
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq);
        string suffix = kind.ToString().ToLowerInvariant();
        string state = $"esp32/retained-{suffix}/led/state";
        string marker = $"esp32/marker-{suffix}/led/state";
        await using (TopicWatcher publisher = await TopicWatcher.StartAsync(broker.Port, marker))
        {
            await publisher.PublishRetainedAsync(state, "on");
        }

        await using TopicWatcher exact = await TopicWatcher.StartAsync(broker.Port, state);
        await exact.WaitForAsync(state, "on");

        // Act
        await using TopicWatcher wildcard = await TopicWatcher.StartAsync(broker.Port, "esp32/+/led/state");

        // Assert: a broker sends retained messages as it takes the subscription, so on RabbitMQ a live message published
        // after the SUBACK arrives with nothing before it; MQTTnet may queue its retained message after such a message.
        await wildcard.PublishAsync(marker, Encoding.UTF8.GetBytes("marker"));
        await wildcard.WaitForAsync(marker, "marker");
        if (sent)
        {
            await wildcard.WaitForAsync(state, "on");
        }

        Assert.Equal(sent, wildcard.Messages.Any(message => message.Topic == state && message.Payload == "on" && message.Retain));
    }

    [SkippableFact]
    public async Task Lights_the_led_of_a_board_that_logs_in_over_tls()
    {
        // Arrange: as on a hosted broker, TLS and a user name.
        RabbitMqBroker broker = await rabbitMq.GetAsync();
        string authority = broker.Certificates.AuthorityCertificate;
        using SimulatorProcess board = await SimulatorProcess.StartAsync(
            broker.TlsPort,
            "sim-rabbitmq-login",
            "--tls", "--ca-file", authority, "--username", RabbitMqBroker.UserName, "--password", RabbitMqBroker.Password);

        // The board reports its state once it has subscribed: a command sent before that would reach nobody.
        await using TopicWatcher watcher = await TopicWatcher.StartAsync(broker.Port, board.Topics.LedState);
        await watcher.WaitForAsync(board.Topics.LedState, "off");

        // Act
        ToolResult published = await Mosquitto.PublishAsync(broker.TlsPort, "--cafile", authority, "-u", RabbitMqBroker.UserName, "-P", RabbitMqBroker.Password, "-t", board.Topics.Led, "-m", "on");

        // Assert
        Assert.True(published.ExitCode == 0, published.ToString());
        await watcher.WaitForAsync(board.Topics.LedState, "on");
        await board.WaitForLedAsync(on: true);
    }

    [SkippableFact]
    public async Task Says_the_password_is_wrong_and_retries()
    {
        // Arrange
        RabbitMqBroker broker = await rabbitMq.GetAsync();

        // Act
        using SimulatorProcess board = SimulatorProcess.Launch(broker.Port, "sim-rabbitmq-wrong", "--username", RabbitMqBroker.UserName, "--password", "not-" + RabbitMqBroker.Password);

        // Assert
        string refusal = await board.Process.WaitForOutputLineAsync(line => line.Contains("The broker refused the connection", StringComparison.Ordinal), TestTimeouts.Process);
        Assert.EndsWith("The broker refused the connection: bad user name or password (check --username and --password)", refusal.TrimEnd('.'), StringComparison.Ordinal);
        await board.Process.WaitForOutputLineAsync(line => line.Contains("Retrying in ", StringComparison.Ordinal), TestTimeouts.Short);
        Assert.Equal(0, board.Connections);
    }

    [SkippableFact]
    public async Task Answers_bad_payloads_with_their_errors_and_changes_nothing()
    {
        // Arrange
        RabbitMqBroker broker = await rabbitMq.GetAsync();
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-rabbitmq-bad");
        await using TopicWatcher watcher = await TopicWatcher.StartAsync(broker.Port, board.Topics.LedState, board.Topics.Error);

        // The board reports its state once it has subscribed: a command sent before that would reach nobody.
        await watcher.WaitForAsync(board.Topics.LedState, "off");
        await watcher.PublishAsync(board.Topics.Led, Encoding.UTF8.GetBytes("on"));
        await watcher.WaitForAsync(board.Topics.LedState, "on");

        foreach ((string what, byte[] payload, string error) in s_badPayloads)
        {
            int mark = watcher.Messages.Count;

            // Act
            await watcher.PublishAsync("led", payload);

            // Assert
            await watcher.WaitForAsync(board.Topics.Error, error, since: mark);
            await watcher.PublishAsync(board.Topics.Led, Encoding.UTF8.GetBytes("?"));
            await watcher.WaitForAsync(board.Topics.LedState, "on", since: mark);
            Assert.True(watcher.Messages.Skip(mark).Count(message => message.Topic == board.Topics.LedState) == 1, $"{what} changed the state");
        }

        await board.WaitForLedAsync(on: true);
    }
}
