using Esp32Client.Core;

namespace Esp32Client.Tests.Connection;

public sealed class BackoffTests
{
    private static readonly int[] s_nominalDelays = [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Doubles_from_one_second_to_thirty_with_up_to_a_quarter_of_jitter_below(int seed)
    {
        // Arrange
        Backoff backoff = new(1000, 30000, new Random(seed));

        // Act
        int[] delays = s_nominalDelays.Select(_ => backoff.NextMilliseconds()).ToArray();

        // Assert
        for (int index = 0; index < delays.Length; index++)
        {
            Assert.InRange(delays[index], s_nominalDelays[index] * 3 / 4, s_nominalDelays[index]);
        }
    }

    [Fact]
    public void Spreads_boards_that_start_together()
    {
        // Act
        int[] firstRetries = Enumerable.Range(0, 30).Select(seed => new Backoff(1000, 30000, new Random(seed)).NextMilliseconds()).ToArray();

        // Assert
        Assert.True(firstRetries.Distinct().Count() > 10, "thirty boards should not retry in lockstep");
    }

    [Fact]
    public void Starts_again_from_one_second_after_a_reset()
    {
        // Arrange
        Backoff backoff = new(1000, 30000, new Random(7));
        for (int attempt = 0; attempt < 6; attempt++)
        {
            backoff.NextMilliseconds();
        }

        // Act
        backoff.Reset();

        // Assert
        Assert.InRange(backoff.NextMilliseconds(), 750, 1000);
        Assert.InRange(backoff.NextMilliseconds(), 1500, 2000);
    }
}
