using System.Diagnostics;
using System.Text;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// The whole loop a learner runs (README, "Quick start"), with real processes on loopback: a broker (ours, Debian's
/// Mosquitto, and Debian's RabbitMQ), the simulated board running the firmware's core, and clients nobody here wrote
/// (mosquitto_pub, mosquitto_sub).
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class DeviceLoopTests(RabbitMqFixture rabbitMq)
{
    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.Mosquitto)]
    [InlineData(BrokerKind.RabbitMq)]
    public async Task Lights_the_led_when_mosquitto_pub_publishes_on_to_led(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq);
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-one-" + Suffix(kind));
        using ChildProcess subscriber = Mosquitto.StartSubscriber(broker.Port, "-t", board.Topics.LedState, "-v");
        await subscriber.WaitForOutputLineAsync(line => line == board.Topics.LedState + " off", TestTimeouts.Process);

        // Act
        ToolResult published = await Mosquitto.PublishAsync(broker.Port, "-t", "led", "-m", "on");

        // Assert
        Assert.Equal(0, published.ExitCode);
        await subscriber.WaitForOutputLineAsync(line => line == board.Topics.LedState + " on", TestTimeouts.Short);
        await board.WaitForLedAsync(on: true);
    }

    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.RabbitMq)]
    public async Task Lights_every_board_with_one_publish_on_led_and_only_one_with_its_own_topic(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq);
        using SimulatorProcess kitchen = await SimulatorProcess.StartAsync(broker.Port, "sim-kitchen-" + Suffix(kind));
        using SimulatorProcess garden = await SimulatorProcess.StartAsync(broker.Port, "sim-garden-" + Suffix(kind));
        await using TopicWatcher watcher = await TopicWatcher.StartAsync(broker.Port, kitchen.Topics.LedState, garden.Topics.LedState);
        await watcher.WaitForAsync(kitchen.Topics.LedState, "off");
        await watcher.WaitForAsync(garden.Topics.LedState, "off");

        // Act
        int beforeOn = watcher.Messages.Count;
        await watcher.PublishAsync("led", Encoding.UTF8.GetBytes("on"));
        await kitchen.WaitForLedAsync(on: true);
        await garden.WaitForLedAsync(on: true);
        await watcher.WaitForAsync(kitchen.Topics.LedState, "on", since: beforeOn);
        await watcher.WaitForAsync(garden.Topics.LedState, "on", since: beforeOn);
        int mark = watcher.Messages.Count;
        await watcher.PublishAsync(kitchen.Topics.Led, Encoding.UTF8.GetBytes("off"));
        await watcher.WaitForAsync(kitchen.Topics.LedState, "off", since: mark);
        await watcher.PublishAsync(garden.Topics.Led, Encoding.UTF8.GetBytes("?"));
        await watcher.WaitForAsync(garden.Topics.LedState, "on", since: mark);

        // Assert: the kitchen board printed its LED line before it published its state, but this process may not have
        // read that line yet: wait for it. The garden board printed no LED line since "on".
        await kitchen.WaitForLedAsync(on: false);
        Assert.Equal(true, garden.Led);
        Assert.Equal(["on"], watcher.Messages.Skip(mark).Where(message => message.Topic == garden.Topics.LedState).Select(message => message.Payload));
    }

    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.Mosquitto)]
    [InlineData(BrokerKind.RabbitMq)]
    public async Task Reports_offline_through_the_retained_last_will_when_the_board_is_killed(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq);
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-will-" + Suffix(kind));
        await using TopicWatcher watcher = await TopicWatcher.StartAsync(broker.Port, board.Topics.Status);
        await watcher.WaitForAsync(board.Topics.Status, "online");

        // Act
        await board.KillAsync();

        // Assert
        await watcher.WaitForAsync(board.Topics.Status, "offline");
        await using TopicWatcher latecomer = await TopicWatcher.StartAsync(broker.Port, board.Topics.Status);
        ReceivedMessage retained = await latecomer.WaitForAsync(board.Topics.Status, "offline");
        Assert.True(retained.Retain);
    }

    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.Mosquitto)]
    [InlineData(BrokerKind.RabbitMq)]
    public async Task Reconnects_resubscribes_and_republishes_after_the_broker_restarts(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq);
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-restart-" + Suffix(kind));
        await using (TopicWatcher before = await TopicWatcher.StartAsync(broker.Port, board.Topics.LedState))
        {
            await before.WaitForAsync(board.Topics.LedState, "off");
            await before.PublishAsync("led", Encoding.UTF8.GetBytes("on"));
            await before.WaitForAsync(board.Topics.LedState, "on");

            // Leave a foreign retained value on the state topic: only a republish after the restart replaces it.
            await before.PublishRetainedAsync(board.Topics.LedState, "stale");
            await before.PublishRetainedAsync(board.Topics.Status, "stale");
        }

        // Act
        Stopwatch downtime = Stopwatch.StartNew();
        await broker.RestartAsync();
        TimeSpan brokerDown = downtime.Elapsed;
        await board.WaitForConnectionsAsync(2);
        TimeSpan reconnectedAfter = downtime.Elapsed - brokerDown;

        // Assert
        await using TopicWatcher after = await TopicWatcher.StartAsync(broker.Port, board.Topics.Status, board.Topics.LedState);
        await after.WaitForAsync(board.Topics.Status, "online");
        await after.WaitForAsync(board.Topics.LedState, "on");
        await after.PublishAsync("led", Encoding.UTF8.GetBytes("off"));
        await after.WaitForAsync(board.Topics.LedState, "off");
        await board.WaitForLedAsync(on: false);

        // Backoff doubles from 1 s and takes up to a quarter off each delay (Backoff), so the attempts before the broker
        // came back may have used only three quarters of their nominal delays while the next one waits its full delay:
        // it comes at most four thirds of the downtime plus the first second later. The rest is slack for a loaded machine.
        TimeSpan bound = brokerDown * (4.0 / 3.0) + TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(3);
        Assert.True(reconnectedAfter <= bound, $"reconnected {reconnectedAfter.TotalSeconds:0.0} s after the broker was back; bound {bound.TotalSeconds:0.0} s");
    }

    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.Mosquitto)]
    [InlineData(BrokerKind.RabbitMq)]
    public async Task Comes_back_on_after_a_restart_with_the_same_id(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind, rabbitMq);
        string id = "sim-restore-" + Suffix(kind);
        await using TopicWatcher watcher = await TopicWatcher.StartAsync(broker.Port);
        using (SimulatorProcess first = await SimulatorProcess.StartAsync(broker.Port, id))
        {
            await watcher.WaitForAsync(first.Topics.LedState, "off");
            await watcher.PublishAsync("led", Encoding.UTF8.GetBytes("on"));
            await first.WaitForLedAsync(on: true);
            first.Process.Terminate();
            await first.Process.WaitForExitAsync(TestTimeouts.Process);
        }

        // Act
        using SimulatorProcess second = await SimulatorProcess.StartAsync(broker.Port, id);

        // Assert: the LED line comes before the line that says why; wait for both.
        await second.WaitForLedAsync(on: true);
        string restored = await second.Process.WaitForOutputLineAsync(line => line.Contains("from its retained state", StringComparison.Ordinal), TestTimeouts.Short);
        Assert.EndsWith("Restored the LED to on from its retained state.", restored, StringComparison.Ordinal);
    }

    private static string Suffix(BrokerKind kind)
    {
        return kind.ToString().ToLowerInvariant();
    }
}
