using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>A network link a test can take down; joining takes time on the fake clock, as a real join blocks.</summary>
public sealed class FakeNetworkLink(FakeClock clock) : INetworkLink
{
    public bool IsUp { get; set; }

    /// <summary>Whether the next joins succeed.</summary>
    public bool JoinSucceeds { get; set; } = true;

    /// <summary>How long a join takes.</summary>
    public int JoinDurationMilliseconds { get; set; } = 100;

    public int JoinAttempts { get; private set; }

    public bool Join(int timeoutMilliseconds)
    {
        JoinAttempts++;
        clock.Advance(JoinSucceeds ? JoinDurationMilliseconds : timeoutMilliseconds);
        IsUp = JoinSucceeds;
        return IsUp;
    }
}
