using System.Buffers;
using System.Text;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Feed;

public sealed class FlowLogTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Draws_each_message_while_under_the_budget()
    {
        // Arrange
        FlowLog flow = new(_clock);

        // Act
        flow.Record(Message("led", "on", "kitchen", "garden"));
        flow.Record(Message("Led", "on"));
        FlowBatch batch = flow.ReadAfter(0);

        // Assert
        Assert.Equal(2, batch.LastNumber);
        Assert.Collection(
            batch.Items,
            first =>
            {
                Assert.Equal(1, first.Number);
                Assert.Equal("led", first.Message!.Topic);
                Assert.Equal(["kitchen", "garden"], first.Message.Recipients);
            },
            second => Assert.Equal("Led", second.Message!.Topic));
    }

    [Fact]
    public void Counts_the_messages_beyond_the_budget_of_a_second_as_one_row()
    {
        // Arrange
        FlowLog flow = new(_clock);
        int flood = FlowLog.DrawnPerSecond + 980;

        // Act
        for (int index = 0; index < flood; index++)
        {
            flow.Record(Message("bench", "x"));
        }

        FlowBatch batch = flow.ReadAfter(0);

        // Assert
        Assert.Equal(FlowLog.DrawnPerSecond, batch.Items.Count(item => item.Message is not null));
        FlowItem more = batch.Items[^1];
        Assert.Null(more.Message);
        Assert.Equal(980, more.Skipped);
        Assert.Equal(flood, batch.LastNumber);
    }

    [Fact]
    public void Draws_again_in_the_next_second()
    {
        // Arrange
        FlowLog flow = new(_clock);
        for (int index = 0; index < FlowLog.DrawnPerSecond + 5; index++)
        {
            flow.Record(Message("bench", "x"));
        }

        // Act
        _clock.Advance(TimeSpan.FromSeconds(1));
        flow.Record(Message("led", "on"));
        FlowBatch batch = flow.ReadAfter(FlowLog.DrawnPerSecond);

        // Assert
        Assert.Collection(
            batch.Items,
            skipped => Assert.Equal(5, skipped.Skipped),
            drawn => Assert.Equal("led", drawn.Message!.Topic));
    }

    [Fact]
    public void Tells_a_page_that_fell_behind_how_many_it_missed()
    {
        // Arrange
        FlowLog flow = new(_clock);
        for (int second = 0; second < 10; second++)
        {
            for (int index = 0; index < FlowLog.DrawnPerSecond; index++)
            {
                flow.Record(Message("bench", "x"));
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Act
        FlowBatch batch = flow.ReadAfter(0);

        // Assert
        long counted = 10 * FlowLog.DrawnPerSecond;
        Assert.Equal(counted - FlowLog.Capacity, batch.Items[0].Skipped);
        Assert.Equal(FlowLog.Capacity, batch.Items.Count(item => item.Message is not null));
        Assert.Equal(counted, batch.Items.Sum(item => item.Message is null ? item.Skipped : 1));
    }

    [Fact]
    public void Gives_nothing_when_nothing_came_since_the_last_read()
    {
        // Arrange
        FlowLog flow = new(_clock);
        flow.Record(Message("led", "on"));
        FlowBatch first = flow.ReadAfter(0);

        // Act
        FlowBatch second = flow.ReadAfter(first.LastNumber);

        // Assert
        Assert.Empty(second.Items);
        Assert.Equal(first.LastNumber, second.LastNumber);
    }

    [Fact]
    public void Starts_a_new_page_just_before_the_oldest_message_kept()
    {
        // Arrange
        FlowLog flow = new(_clock);
        long emptyStart = flow.StartingPoint();
        for (int index = 0; index < FlowLog.Capacity + 30; index++)
        {
            flow.Record(Message("led", "on"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Act
        long start = flow.StartingPoint();

        // Assert
        Assert.Equal(0, emptyStart);
        Assert.Equal(30, start);
        Assert.Equal(FlowLog.Capacity, flow.ReadAfter(start).Items.Count);
    }

    [Fact]
    public void Names_at_most_forty_recipients_and_counts_the_others()
    {
        // Arrange
        FlowLog flow = new(_clock);
        string[] classroom = [.. Enumerable.Range(1, 45).Select(index => $"board-{index:00}")];

        // Act
        flow.Record(Message("led", "on", classroom));

        // Assert
        FlowEntry entry = flow.ReadAfter(0).Items.Single().Message!;
        Assert.Equal(FlowEntry.MostRecipientsNamed, entry.Recipients.Count);
        Assert.Equal(5, entry.MoreRecipients);
    }

    private MessageRouted Message(string topic, string payload, params string[] recipients)
    {
        return new MessageRouted(_clock.GetUtcNow(), topic, "phone", new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), 0, false, recipients, null);
    }
}
