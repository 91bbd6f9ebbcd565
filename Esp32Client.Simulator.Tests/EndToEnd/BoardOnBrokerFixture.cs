using System.Text;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>One broker (ours), one simulated board with its LED on, and a watcher, shared by a test class.</summary>
public sealed class BoardOnBrokerFixture : IAsyncLifetime
{
    private BrokerUnderTest? _broker;
    private SimulatorProcess? _board;
    private TopicWatcher? _watcher;

    public SimulatorProcess Board => _board!;

    public TopicWatcher Watcher => _watcher!;

    public async Task InitializeAsync()
    {
        _broker = await BrokerUnderTest.StartAsync(BrokerKind.Ours);
        _board = await SimulatorProcess.StartAsync(_broker.Port, "sim-bad-payloads");
        _watcher = await TopicWatcher.StartAsync(_broker.Port);
        await _watcher.WaitForAsync(_board.Topics.LedState, "off");
        await _watcher.PublishAsync(_board.Topics.Led, Encoding.UTF8.GetBytes("on"));
        await _watcher.WaitForAsync(_board.Topics.LedState, "on");

        // The board prints its LED line before it publishes its state, but this process may not have read it yet.
        await _board.WaitForLedAsync(on: true);
    }

    public async Task DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }

        _board?.Dispose();
        _broker?.Dispose();
    }
}
