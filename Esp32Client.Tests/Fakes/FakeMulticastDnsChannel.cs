using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>
/// A multicast DNS port whose answers a test queues, each arriving some milliseconds after the question before it;
/// waiting moves the fake clock as a real wait takes time.
/// </summary>
public sealed class FakeMulticastDnsChannel(FakeClock clock) : IMulticastDnsChannel
{
    private readonly Queue<(int Attempt, int DelayMilliseconds, byte[] Message)> _answers = new();
    private long _sentAt;

    /// <summary>The questions sent.</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>Whether sending works.</summary>
    public bool SendSucceeds { get; set; } = true;

    /// <summary>How many times the port was closed.</summary>
    public int Closes { get; private set; }

    /// <summary>Queues an answer to question number <paramref name="attempt"/> (1 for the first), arriving <paramref name="delayMilliseconds"/> after it.</summary>
    public void Answer(int attempt, int delayMilliseconds, byte[] message)
    {
        _answers.Enqueue((attempt, delayMilliseconds, message));
    }

    public bool Send(byte[] message)
    {
        if (!SendSucceeds)
        {
            return false;
        }

        Sent.Add(message);
        _sentAt = clock.NowMilliseconds;
        return true;
    }

    public int Receive(byte[] buffer, int timeoutMilliseconds)
    {
        long waitUntil = clock.NowMilliseconds + timeoutMilliseconds;
        if (_answers.TryPeek(out var next) && next.Attempt == Sent.Count && _sentAt + next.DelayMilliseconds <= waitUntil)
        {
            _answers.Dequeue();
            clock.Advance(Math.Max(0, _sentAt + next.DelayMilliseconds - clock.NowMilliseconds));
            next.Message.CopyTo(buffer, 0);
            return next.Message.Length;
        }

        clock.Advance(timeoutMilliseconds);
        return 0;
    }

    public void Close()
    {
        Closes++;
    }
}
