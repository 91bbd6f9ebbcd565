using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class DeliveryFlowControlTests
{
    // A queue limit of 100 puts the high-water mark at 75.
    private const int QueueLimit = 100;
    private const long Behind = 75;
    private const long CaughtUp = 74;
    private const string Publisher = "esp32-a";
    private const string Subscriber = "phone";

    private readonly ManualTimeProvider _time = new();
    private long _queued;
    private bool _offline;

    [Fact]
    public async Task Makes_a_publisher_wait_while_the_queue_is_at_three_quarters_and_lets_it_go_when_the_queue_drains()
    {
        // Arrange
        DeliveryFlowControl flowControl = Create();
        _queued = Behind;

        // Act: under the manual clock only a relief or the stall limit can end the wait, and neither has come yet.
        Task publisher = flowControl.BeforeEnqueueAsync(Publisher, Subscriber);
        bool waitedWhileBehind = !publisher.IsCompleted && flowControl.WaitingDeliveries == 1;
        _queued = CaughtUp;
        flowControl.Observe(_queued);

        // Assert
        Assert.True(waitedWhileBehind);
        await publisher.WaitAsync(TestTimeouts.Short);
        Assert.Equal(0, flowControl.WaitingDeliveries);
    }

    [Fact]
    public async Task Stops_holding_a_publisher_up_for_a_subscriber_behind_for_longer_than_the_stall_limit()
    {
        // Arrange
        DeliveryFlowControl flowControl = Create();
        _queued = Behind;
        Task publisher = flowControl.BeforeEnqueueAsync(Publisher, Subscriber);

        // Act
        _time.Advance(DeliveryFlowControl.StallLimit);

        // Assert: this publisher goes on, and so does the next one at once.
        await publisher.WaitAsync(TestTimeouts.Short);
        Assert.True(flowControl.BeforeEnqueueAsync(Publisher, Subscriber).IsCompleted);
    }

    [Theory]
    [InlineData(Publisher, CaughtUp)]
    [InlineData("", Behind)]
    public void Holds_nobody_up_below_the_mark_or_for_retained_messages_of_a_new_subscription(string sender, long queued)
    {
        // Arrange
        DeliveryFlowControl flowControl = Create();
        _queued = queued;

        // Act
        Task enqueue = flowControl.BeforeEnqueueAsync(sender, Subscriber);

        // Assert
        Assert.True(enqueue.IsCompleted);
    }

    [Fact]
    public void Holds_nobody_up_for_a_subscriber_that_is_away_with_a_kept_session()
    {
        // Arrange: the session of a client with clean session off fills while it is away; waiting would not help.
        DeliveryFlowControl flowControl = Create();
        _queued = Behind;
        _offline = true;

        // Act
        Task enqueue = flowControl.BeforeEnqueueAsync(Publisher, Subscriber);

        // Assert
        Assert.True(enqueue.IsCompleted);
    }

    [Fact]
    public async Task Lets_a_waiting_publisher_go_when_the_subscriber_disconnects()
    {
        // Arrange
        DeliveryFlowControl flowControl = Create();
        _queued = Behind;
        Task publisher = flowControl.BeforeEnqueueAsync(Publisher, Subscriber);

        // Act: MQTTnet drops the queue of a client that is gone.
        _queued = 0;
        flowControl.Release();

        // Assert
        await publisher.WaitAsync(TestTimeouts.Short);
    }

    private DeliveryFlowControl Create()
    {
        DeliveryFlowControl flowControl = new(QueueLimit, _time);
        flowControl.Follow(clientId => clientId == Subscriber ? new SessionQueue(() => Volatile.Read(ref _queued), () => _offline) : null);
        return flowControl;
    }
}
