using System;

namespace Esp32Client.Core
{
    /// <summary>
    /// Exponential backoff with jitter: the nominal delay starts at <see cref="InitialMilliseconds"/> and doubles up to
    /// <see cref="MaximumMilliseconds"/>; each delay is the nominal one less a random part of up to a quarter, so a
    /// classroom of boards does not reconnect in lockstep after the broker restarts.
    /// </summary>
    public sealed class Backoff
    {
        private const int JitterDivisor = 4;

        private readonly Random _random;
        private int _nominal;

        /// <summary>Creates a backoff; <paramref name="random"/> supplies the jitter.</summary>
        public Backoff(int initialMilliseconds, int maximumMilliseconds, Random random)
        {
            InitialMilliseconds = initialMilliseconds;
            MaximumMilliseconds = maximumMilliseconds;
            _random = random;
            _nominal = initialMilliseconds;
        }

        /// <summary>The first delay (before jitter).</summary>
        public int InitialMilliseconds { get; }

        /// <summary>The largest delay.</summary>
        public int MaximumMilliseconds { get; }

        /// <summary>The delay before the next attempt; each call doubles the nominal delay until the maximum.</summary>
        public int NextMilliseconds()
        {
            int nominal = _nominal;
            _nominal = nominal >= MaximumMilliseconds / 2 ? MaximumMilliseconds : nominal * 2;
            return nominal - _random.Next((nominal / JitterDivisor) + 1);
        }

        /// <summary>Starts again from the initial delay (after a success).</summary>
        public void Reset()
        {
            _nominal = InitialMilliseconds;
        }
    }
}
