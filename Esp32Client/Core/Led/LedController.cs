namespace Esp32Client.Core
{
    /// <summary>
    /// Owns the LED: its reported state and blinking. A blink runs its phases from one start time (so timer latency
    /// does not add up), then returns the LED to the state it had before. Any new state change cancels a blink.
    /// Thread-safe: commands arrive on the MQTT thread, blink phases on the timer thread.
    /// </summary>
    public sealed class LedController
    {
        private readonly object _sync = new object();
        private readonly ILedOutput _output;
        private readonly IClock _clock;
        private readonly IOneShotTimer _timer;
        private bool _isOn;
        private bool _isBlinking;
        private long _blinkStart;
        private int _blinkInterval;
        private int _blinkPhaseCount;
        private int _blinkPhase;

        /// <summary>Creates the controller and drives the LED off.</summary>
        public LedController(ILedOutput output, IClock clock)
        {
            _output = output;
            _clock = clock;
            _timer = clock.CreateTimer(OnTimer);
            _output.Write(false);
        }

        /// <summary>Raised on the timer thread when a blink ends by itself (not when a command cancels it).</summary>
        public event BlinkFinishedHandler? BlinkFinished;

        /// <summary>The state the LED reports: during a blink, the state it returns to.</summary>
        public bool IsOn
        {
            get
            {
                lock (_sync)
                {
                    return _isOn;
                }
            }
        }

        /// <summary>True while a blink runs.</summary>
        public bool IsBlinking
        {
            get
            {
                lock (_sync)
                {
                    return _isBlinking;
                }
            }
        }

        /// <summary>Cancels any blink and turns the LED on or off.</summary>
        public void Set(bool on)
        {
            lock (_sync)
            {
                CancelBlink();
                _isOn = on;
                _output.Write(on);
            }
        }

        /// <summary>Cancels any blink and flips the state the LED had before it.</summary>
        public void Toggle()
        {
            lock (_sync)
            {
                CancelBlink();
                _isOn = !_isOn;
                _output.Write(_isOn);
            }
        }

        /// <summary>
        /// Blinks <paramref name="count"/> times, each blink <paramref name="intervalMilliseconds"/> on then as long off,
        /// then returns to the current state. Replaces a blink in progress.
        /// </summary>
        public void Blink(int count, int intervalMilliseconds)
        {
            lock (_sync)
            {
                _isBlinking = true;
                _blinkStart = _clock.NowMilliseconds;
                _blinkInterval = intervalMilliseconds;
                _blinkPhaseCount = count * 2;
                _blinkPhase = 0;
                _output.Write(true);
                _timer.Start(intervalMilliseconds);
            }
        }

        private void CancelBlink()
        {
            if (_isBlinking)
            {
                _isBlinking = false;
                _timer.Stop();
            }
        }

        private void OnTimer(object? state)
        {
            bool finished = false;
            lock (_sync)
            {
                if (!_isBlinking)
                {
                    return;
                }

                long elapsed = _clock.NowMilliseconds - _blinkStart;
                int phase = (int)(elapsed / _blinkInterval);
                if (phase <= _blinkPhase)
                {
                    // Fired early (a stale or coarse timer): wait for the phase boundary instead of skipping ahead.
                    phase = _blinkPhase;
                }
                else if (phase >= _blinkPhaseCount)
                {
                    _isBlinking = false;
                    _output.Write(_isOn);
                    finished = true;
                }
                else
                {
                    _blinkPhase = phase;

                    // Even phases are 'on', odd phases 'off'.
                    _output.Write(phase % 2 == 0);
                }

                if (!finished)
                {
                    long nextPhaseStart = _blinkStart + ((long)(phase + 1) * _blinkInterval);
                    long due = nextPhaseStart - _clock.NowMilliseconds;
                    _timer.Start(due > 0 ? (int)due : 0);
                }
            }

            if (finished)
            {
                BlinkFinishedHandler? handler = BlinkFinished;
                if (handler != null)
                {
                    handler();
                }
            }
        }
    }
}
