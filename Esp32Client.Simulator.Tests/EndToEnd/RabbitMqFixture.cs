using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// The RabbitMQ node the tests of the <see cref="RabbitMqCollection"/> share: a node takes about 12 s to start, so it is
/// started once, by the first test that asks for it, and stopped after the collection's last test.
/// </summary>
public sealed class RabbitMqFixture : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RabbitMqBroker? _broker;

    /// <summary>The running node; skips (or, with CI=true, fails) the test when RabbitMQ is not installed.</summary>
    public async Task<RabbitMqBroker> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _broker ??= await RabbitMqBroker.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _broker?.Dispose();
        _gate.Dispose();
    }
}
