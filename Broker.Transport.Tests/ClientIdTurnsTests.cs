using System.Net;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class ClientIdTurnsTests
{
    private const string ClientId = "esp32-a1";
    private static readonly IPEndPoint s_remote = new(IPAddress.Loopback, 50_000);

    private readonly ManualTimeProvider _clock = new();
    private readonly ClientIdTurns _turns;

    public ClientIdTurnsTests()
    {
        _turns = new ClientIdTurns(_clock);
    }

    [Fact]
    public async Task Lets_a_connect_with_a_new_client_id_go_on_at_once()
    {
        // Act
        ValueTask<ClientIdTurn> connecting = _turns.ConnectingAsync(ClientId, s_remote);

        // Assert
        Assert.True(connecting.IsCompletedSuccessfully);
        Assert.Equal(ClientId, (await connecting).ClientId);
    }

    [Fact]
    public async Task Holds_a_connect_until_the_ending_connection_with_its_client_id_has_finished()
    {
        // Arrange: the first connection sent DISCONNECT; MQTTnet has not finished with it yet.
        ClientIdTurn first = await _turns.ConnectingAsync(ClientId, s_remote);
        first.Answered(accepted: true);
        await first.EndingAsync();

        // Act
        ValueTask<ClientIdTurn> second = _turns.ConnectingAsync(ClientId, s_remote);
        bool heldWhileFinishing = !second.IsCompleted;
        first.Finish();

        // Assert
        Assert.True(heldWhileFinishing);
        await second.AsTask().WaitAsync(TestTimeouts.Short);
    }

    [Fact]
    public async Task Holds_the_end_of_a_connection_until_a_newer_connect_with_its_client_id_is_answered()
    {
        // Arrange: a new CONNECT arrived while the first connection was still open.
        ClientIdTurn first = await _turns.ConnectingAsync(ClientId, s_remote);
        first.Answered(accepted: true);
        ClientIdTurn second = await _turns.ConnectingAsync(ClientId, s_remote);

        // Act: the first connection ends before MQTTnet has answered the second.
        ValueTask ending = first.EndingAsync();
        bool heldWhileUnanswered = !ending.IsCompleted;
        second.Answered(accepted: true);

        // Assert
        Assert.True(heldWhileUnanswered);
        await ending.AsTask().WaitAsync(TestTimeouts.Short);
        Assert.True(first.IsEnding);
    }

    [Fact]
    public async Task Keeps_the_older_connection_as_the_one_to_wait_for_when_a_newer_connect_is_refused()
    {
        // Arrange: a CONNECT with a wrong password is refused while the first connection stays open.
        ClientIdTurn first = await _turns.ConnectingAsync(ClientId, s_remote);
        first.Answered(accepted: true);
        ClientIdTurn refused = await _turns.ConnectingAsync(ClientId, s_remote);
        refused.Answered(accepted: false);
        refused.Finish();

        // Act: the first connection ends, and the client connects again at once.
        await first.EndingAsync();
        ValueTask<ClientIdTurn> third = _turns.ConnectingAsync(ClientId, s_remote);
        bool heldWhileFirstFinishes = !third.IsCompleted;
        first.Finish();

        // Assert
        Assert.True(heldWhileFirstFinishes);
        await third.AsTask().WaitAsync(TestTimeouts.Short);
    }

    [Fact]
    public async Task Lets_an_ending_connection_go_when_the_newer_one_closes_before_its_connack()
    {
        // Arrange
        ClientIdTurn first = await _turns.ConnectingAsync(ClientId, s_remote);
        first.Answered(accepted: true);
        ClientIdTurn second = await _turns.ConnectingAsync(ClientId, s_remote);
        ValueTask ending = first.EndingAsync();

        // Act
        second.Finish();

        // Assert
        await ending.AsTask().WaitAsync(TestTimeouts.Short);
    }

    [Fact]
    public async Task Waits_no_longer_than_the_limit_for_a_connection_that_never_finishes()
    {
        // Arrange
        ClientIdTurn stuck = await _turns.ConnectingAsync(ClientId, s_remote);
        stuck.Answered(accepted: true);
        await stuck.EndingAsync();
        ValueTask<ClientIdTurn> next = _turns.ConnectingAsync(ClientId, s_remote);

        // Act
        _clock.Advance(ClientIdTurns.WaitLimit);

        // Assert
        await next.AsTask().WaitAsync(TestTimeouts.Short);
    }

    [Fact]
    public async Task Forgets_a_client_id_once_its_last_connection_has_finished()
    {
        // Arrange
        ClientIdTurn only = await _turns.ConnectingAsync(ClientId, s_remote);
        only.Answered(accepted: true);
        await only.EndingAsync();

        // Act
        only.Finish();

        // Assert
        Assert.Equal(0, _turns.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tells_whether_a_connect_was_accepted_once_it_is_answered(bool accepted)
    {
        // Arrange
        ClientIdTurn turn = await _turns.ConnectingAsync(ClientId, s_remote);
        Task<bool> wasAccepted = turn.WasAcceptedAsync();
        bool heldUntilAnswered = !wasAccepted.IsCompleted;

        // Act
        turn.Answered(accepted);

        // Assert
        Assert.True(heldUntilAnswered);
        Assert.Equal(accepted, await wasAccepted.WaitAsync(TestTimeouts.Short));
    }

    [Fact]
    public async Task Tells_that_a_connection_closed_before_its_connack_was_not_accepted()
    {
        // Arrange
        ClientIdTurn turn = await _turns.ConnectingAsync(ClientId, s_remote);
        Task<bool> wasAccepted = turn.WasAcceptedAsync();

        // Act
        turn.Finish();

        // Assert
        Assert.False(await wasAccepted.WaitAsync(TestTimeouts.Short));
    }

    [Fact]
    public async Task Tells_that_a_connect_unanswered_for_longer_than_the_limit_was_not_accepted()
    {
        // Arrange
        ClientIdTurn turn = await _turns.ConnectingAsync(ClientId, s_remote);
        Task<bool> wasAccepted = turn.WasAcceptedAsync();

        // Act
        _clock.Advance(ClientIdTurns.WaitLimit);

        // Assert
        Assert.False(await wasAccepted.WaitAsync(TestTimeouts.Short));
    }
}
