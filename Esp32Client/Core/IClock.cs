using System.Threading;

namespace Esp32Client.Core
{
    /// <summary>
    /// Monotonic time and one-shot timers, modelled on .NET's <c>TimeProvider</c> so that tests drive time by hand.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards (unlike the wall clock after SNTP).</summary>
        long NowMilliseconds { get; }

        /// <summary>Creates a stopped one-shot timer that calls <paramref name="callback"/> with a null state when it fires.</summary>
        IOneShotTimer CreateTimer(TimerCallback callback);
    }
}
