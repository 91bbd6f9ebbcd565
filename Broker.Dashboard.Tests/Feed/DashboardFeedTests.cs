using System.Buffers;
using System.Net;
using System.Text;
using Esp32Mqtt.Broker.Dashboard.Boards;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Feed;

public sealed class DashboardFeedTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Wants_no_message_while_no_page_is_open()
    {
        // Arrange
        DashboardFeed feed = new(_clock);

        // Assert
        Assert.Equal(MessageInterest.None, feed.MessageInterest);
    }

    [Fact]
    public void Wants_every_message_while_a_page_is_open_and_none_once_the_last_one_closed()
    {
        // Arrange
        DashboardFeed feed = new(_clock);
        List<MessageInterest> announced = [];
        feed.MessageInterestChanged += () => announced.Add(feed.MessageInterest);

        // Act
        IDisposable first = feed.OpenPage();
        IDisposable second = feed.OpenPage();
        first.Dispose();
        first.Dispose();
        MessageInterest withOnePage = feed.MessageInterest;
        second.Dispose();

        // Assert
        Assert.Equal(MessageInterest.Every, withOnePage);
        Assert.Equal([MessageInterest.Every, MessageInterest.None], announced);
        Assert.Equal(0, feed.OpenPages);
    }

    [Fact]
    public void Keeps_a_board_current_from_retained_changes_while_no_page_is_open()
    {
        // Arrange
        DashboardFeed feed = new(_clock);

        // Act
        feed.OnTraffic(new RetainedChanged(_clock.GetUtcNow(), "esp32/kitchen/status", Payload("online")));
        feed.OnTraffic(new RetainedChanged(_clock.GetUtcNow(), "esp32/kitchen/led/state", Payload("on")));

        // Assert
        BoardView kitchen = Assert.Single(feed.Boards.Snapshot());
        Assert.Equal("on", kitchen.Led);
        Assert.Equal(2, feed.RetainedVersion);
    }

    [Fact]
    public void Draws_routed_messages_and_takes_board_reports_from_them()
    {
        // Arrange
        DashboardFeed feed = new(_clock);
        feed.OnTraffic(new RetainedChanged(_clock.GetUtcNow(), "esp32/kitchen/status", Payload("online")));

        // Act
        feed.OnTraffic(new MessageRouted(_clock.GetUtcNow(), "esp32/kitchen/error", "kitchen", Payload("unknown command 'dance'"), 0, false, [], null));

        // Assert
        Assert.Equal("esp32/kitchen/error", Assert.Single(feed.Flow.ReadAfter(0).Items).Message!.Topic);
        Assert.Equal("unknown command 'dance'", Assert.Single(feed.Boards.Snapshot()).LastError);
    }

    [Fact]
    public void Changes_the_clients_version_when_a_client_comes_subscribes_unsubscribes_or_goes_and_when_its_kept_session_expires()
    {
        // Arrange
        DashboardFeed feed = new(_clock);
        DateTimeOffset now = _clock.GetUtcNow();
        long start = feed.ClientsVersion;

        // Act
        feed.OnTraffic(new ClientConnected(now, "kitchen", new IPEndPoint(IPAddress.Loopback, 50000), "MQTT 3.1.1", 15, null, null, CleanSession: false, SessionResumed: false));
        feed.OnTraffic(new ClientSubscribed(now, "kitchen", "led", 0));
        feed.OnTraffic(new ClientUnsubscribed(now, "kitchen", "led"));
        feed.OnTraffic(new ClientDisconnected(now, "kitchen", DisconnectKind.Clean, null, SessionKept: true, SessionExpiresAt: now.AddHours(1)));
        feed.OnTraffic(new SessionExpired(now.AddHours(1), "kitchen", TimeSpan.FromHours(1), DroppedMessages: 3));
        feed.OnTraffic(new MessagesDropped(now, "kitchen"));

        // Assert
        Assert.Equal(start + 5, feed.ClientsVersion);
    }

    private static ReadOnlySequence<byte> Payload(string text)
    {
        return new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));
    }
}
