using Esp32Mqtt.Broker.Transport.Ordering;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class RetainedRoutingGateTests
{
    private readonly RetainedRoutingGate _gate = new();

    [Fact]
    public async Task Lets_packets_of_one_kind_in_together()
    {
        // Act
        await _gate.EnterAsync(RoutingGateKind.RetainedPublish);
        ValueTask second = _gate.EnterAsync(RoutingGateKind.RetainedPublish);

        // Assert
        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal(2, _gate.ActiveCount(RoutingGateKind.RetainedPublish));
    }

    [Fact]
    public async Task Holds_a_subscribe_until_the_retained_publishes_in_progress_are_done()
    {
        // Arrange
        await _gate.EnterAsync(RoutingGateKind.RetainedPublish);
        await _gate.EnterAsync(RoutingGateKind.RetainedPublish);

        // Act
        Task subscribe = _gate.EnterAsync(RoutingGateKind.Subscribe).AsTask();
        _gate.Exit(RoutingGateKind.RetainedPublish);
        bool admittedWhileOneRemained = subscribe.IsCompleted;
        _gate.Exit(RoutingGateKind.RetainedPublish);
        await subscribe.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.False(admittedWhileOneRemained);
        Assert.Equal(1, _gate.ActiveCount(RoutingGateKind.Subscribe));
        Assert.Equal(0, _gate.ActiveCount(RoutingGateKind.RetainedPublish));
    }

    [Fact]
    public async Task Queues_new_publishes_behind_a_waiting_subscribe_so_it_cannot_starve()
    {
        // Arrange
        await _gate.EnterAsync(RoutingGateKind.RetainedPublish);
        Task subscribe = _gate.EnterAsync(RoutingGateKind.Subscribe).AsTask();

        // Act
        Task laterPublish = _gate.EnterAsync(RoutingGateKind.RetainedPublish).AsTask();
        _gate.Exit(RoutingGateKind.RetainedPublish);
        await subscribe.WaitAsync(TimeSpan.FromSeconds(10));
        bool publishWaitedForTheSubscribe = !laterPublish.IsCompleted;
        _gate.Exit(RoutingGateKind.Subscribe);
        await laterPublish.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.True(publishWaitedForTheSubscribe);
        Assert.Equal(1, _gate.ActiveCount(RoutingGateKind.RetainedPublish));
    }

    [Fact]
    public async Task Admits_every_waiting_packet_of_the_same_kind_at_once()
    {
        // Arrange
        await _gate.EnterAsync(RoutingGateKind.Subscribe);
        Task first = _gate.EnterAsync(RoutingGateKind.RetainedPublish).AsTask();
        Task second = _gate.EnterAsync(RoutingGateKind.RetainedPublish).AsTask();

        // Act
        _gate.Exit(RoutingGateKind.Subscribe);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.Equal(2, _gate.ActiveCount(RoutingGateKind.RetainedPublish));
    }
}
