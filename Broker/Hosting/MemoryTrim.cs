using System.Diagnostics;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>
/// Gives memory back to the operating system once a wave of connections has come and gone: a classroom whose boards
/// all reconnect after the WiFi came back, or a load test.
/// </summary>
/// <remarks>
/// Setting up a connection leaves garbage behind (the CONNECT, the handshake's buffers and state machines). When many
/// connections arrive at once, much of it outlives a gen-0 collection and lands in the older generations, which .NET's
/// GC collects only once they have grown a lot more; an idle broker never gets there, so it kept that memory for good
/// (21.4 MiB committed for 12.6 MiB of live objects with 2,000 idle connections, in the broker benchmark's idle scenario). So after a wave of at least
/// <see cref="WaveSize"/> connects and disconnects, once <see cref="QuietPeriod"/> has passed without any, one full
/// compacting collection is run that also returns the freed memory (<see cref="GCCollectionMode.Aggressive"/>). It
/// stops the whole broker while it runs, longer the more it holds: 15–20 ms with 2,000 idle connections on the
/// benchmark machine. That happens once per wave, after it, and never for messages alone.
/// </remarks>
public sealed partial class MemoryTrim : ITrafficListener, IDisposable
{
    /// <summary>Connects and disconnects that make a wave worth a collection; a few boards coming and going are not.</summary>
    public const int WaveSize = 100;

    /// <summary>
    /// How long no client may connect or disconnect before a wave counts as over: longer than the firmware's first
    /// three retry delays (1, 2 and 4 s, ConnectionPolicy), so boards reconnecting after an outage make one wave.
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    private const double Mebibyte = 1024 * 1024;

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Action _collect;
    private readonly ITimer _quietTimer;
    private readonly object _gate = new();
    private long _changes;
    private long _lastChangeAt;
    private bool _disposed;

    /// <summary>Collects with <see cref="CollectAndReturnMemory"/> after each wave, timed by <paramref name="timeProvider"/>.</summary>
    public MemoryTrim(ILoggerFactory loggerFactory, TimeProvider timeProvider)
        : this(loggerFactory, timeProvider, CollectAndReturnMemory)
    {
    }

    /// <summary>Runs <paramref name="collect"/> after each wave, timed by <paramref name="timeProvider"/>.</summary>
    public MemoryTrim(ILoggerFactory loggerFactory, TimeProvider timeProvider, Action collect)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Memory);
        _timeProvider = timeProvider;
        _collect = collect;

        // Made here, not on the first change, so the timer does not keep the execution context of whichever client's
        // event that was.
        _quietTimer = timeProvider.CreateTimer(_ => WaveMayBeOver(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A full, blocking, compacting collection that returns the memory it frees to the operating system.</summary>
    public static void CollectAndReturnMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <inheritdoc />
    public event Action? MessageInterestChanged
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public MessageInterest MessageInterest => MessageInterest.None;

    /// <inheritdoc />
    public void OnTraffic(TrafficEvent traffic)
    {
        if (traffic is ClientConnected or ClientDisconnected)
        {
            ConnectionsChanged();
        }
    }

    /// <summary>A client connected or disconnected.</summary>
    public void ConnectionsChanged()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _changes++;
                _lastChangeAt = _timeProvider.GetTimestamp();
                _quietTimer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _quietTimer.Dispose();
        }
    }

    private void WaveMayBeOver()
    {
        long changes;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // A change came while this call was on its way (or the timer's clock ran ahead of this one): wait the rest.
            TimeSpan quietFor = _timeProvider.GetElapsedTime(_lastChangeAt);
            if (quietFor < QuietPeriod)
            {
                _quietTimer.Change(QuietPeriod - quietFor, Timeout.InfiniteTimeSpan);
                return;
            }

            changes = _changes;
            _changes = 0;
        }

        if (changes < WaveSize)
        {
            return;
        }

        double committedBefore = GC.GetGCMemoryInfo().TotalCommittedBytes / Mebibyte;
        long started = Stopwatch.GetTimestamp();
        _collect();
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogCollected(_logger, changes, QuietPeriod.TotalSeconds, committedBefore, GC.GetGCMemoryInfo().TotalCommittedBytes / Mebibyte, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Changes} connects and disconnects, then {QuietSeconds} s without any: collected what they left behind; memory committed by the GC {BeforeMiB:F1} → {AfterMiB:F1} MiB, in {Milliseconds:F1} ms")]
    private static partial void LogCollected(ILogger logger, long changes, double quietSeconds, double beforeMiB, double afterMiB, double milliseconds);
}
