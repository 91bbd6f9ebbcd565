using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>A clock whose timers never fire: the benchmarks measure command handling, not blinking.</summary>
public sealed class IdleClock : IClock
{
    public long NowMilliseconds => 0;

    public IOneShotTimer CreateTimer(TimerCallback callback)
    {
        return new IdleTimer();
    }

    private sealed class IdleTimer : IOneShotTimer
    {
        public void Start(int dueMilliseconds)
        {
        }

        public void Stop()
        {
        }
    }
}
