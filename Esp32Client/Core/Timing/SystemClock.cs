using System;
using System.Threading;

namespace Esp32Client.Core
{
    /// <summary>
    /// The real clock: <c>Environment.TickCount64</c> (from nanoFramework.Runtime.Native on the board, the BCL on .NET)
    /// and <see cref="System.Threading.Timer"/>. Portable, so the board and the simulator share it.
    /// </summary>
    public sealed class SystemClock : IClock
    {
        private readonly ILog _log;

        /// <summary>Creates the clock; a timer callback that throws is reported to <paramref name="log"/>.</summary>
        public SystemClock(ILog log)
        {
            _log = log;
        }

        /// <summary>Milliseconds since the board (or process) started.</summary>
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }

        /// <summary>Creates a stopped one-shot timer.</summary>
        public IOneShotTimer CreateTimer(TimerCallback callback)
        {
            return new ThreadingTimer(callback, _log);
        }
    }
}
