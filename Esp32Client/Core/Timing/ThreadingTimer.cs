using System;
using System.Threading;

namespace Esp32Client.Core
{
    /// <summary>
    /// A one-shot <see cref="IOneShotTimer"/> over <see cref="Timer"/>. On nanoFramework all timer callbacks share one
    /// thread (NANOFRAMEWORK.md, "All timers share one thread"), so callbacks stay short; an exception in one is
    /// logged, not thrown.
    /// </summary>
    public sealed class ThreadingTimer : IOneShotTimer
    {
        private readonly TimerCallback _callback;
        private readonly ILog _log;
        private readonly Timer _timer;

        /// <summary>Creates a stopped timer.</summary>
        public ThreadingTimer(TimerCallback callback, ILog log)
        {
            _callback = callback;
            _log = log;
            _timer = new Timer(OnTimer, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>Fires once after <paramref name="dueMilliseconds"/>, replacing any pending firing.</summary>
        public void Start(int dueMilliseconds)
        {
            _timer.Change(dueMilliseconds, Timeout.Infinite);
        }

        /// <summary>Cancels a pending firing.</summary>
        public void Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }

        private void OnTimer(object? state)
        {
            try
            {
                _callback(state);
            }
            catch (Exception exception)
            {
                _log.Write("A timer callback failed: " + exception.Message);
            }
        }
    }
}
