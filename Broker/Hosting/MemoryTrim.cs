using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>
/// Gives memory back to the operating system once a wave of connections has come and gone: a classroom whose boards all
/// reconnect, or a broker left running at home after a busy evening. Setting up a connection leaves garbage behind (the
/// CONNECT, the handshake's buffers and state machines), and in a wave much of it outlives a gen-0 collection and lands
/// in the older generations, which .NET's GC collects only when they have grown a lot more. An idle broker never gets
/// there, so it kept that memory (issue 5: 21.4 MB committed for 12.6 MB of live objects with 2,000 idle connections).
/// After <see cref="WaveSize"/> connects and disconnects, and then <see cref="QuietPeriod"/> without any, one full
/// compacting collection that also returns the freed memory (<see cref="GCCollectionMode.Aggressive"/>) is run. It
/// stops every thread of the broker for a few milliseconds (15–20 ms with 2,000 connections on the benchmark machine),
/// once per wave and never in one, so a steady flow of messages is never held up by it.
/// </summary>
public sealed partial class MemoryTrim : IMqttServerObserver, IDisposable
{
    /// <summary>Connects and disconnects that make a wave worth a collection; a handful of boards coming and going is not.</summary>
    public const int WaveSize = 100;

    /// <summary>How long no client may connect or disconnect before the wave counts as over.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    private const long Mebibyte = 1024 * 1024;

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Action _collect;
    private readonly object _gate = new();
    private int _changes;
    private ITimer? _quietTimer;

    /// <summary>Runs <paramref name="collect"/> after each wave, timed by <paramref name="timeProvider"/>; <see cref="CollectAndReturnMemory"/> in the broker.</summary>
    public MemoryTrim(ILoggerFactory loggerFactory, TimeProvider timeProvider, Action collect)
    {
        _logger = loggerFactory.CreateLogger<MemoryTrim>();
        _timeProvider = timeProvider;
        _collect = collect;
    }

    /// <summary>A full, blocking, compacting collection that returns the memory it frees to the operating system.</summary>
    public static void CollectAndReturnMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        server.ClientConnectedAsync += _ => ConnectionsChanged();
        server.ClientDisconnectedAsync += _ => ConnectionsChanged();
    }

    /// <summary>A client connected or disconnected.</summary>
    public Task ConnectionsChanged()
    {
        lock (_gate)
        {
            if (++_changes >= WaveSize)
            {
                // Restarted by every change, so it fires only once the wave is over.
                _quietTimer ??= _timeProvider.CreateTimer(_ => Trim(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _quietTimer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _quietTimer?.Dispose();
            _quietTimer = null;
        }
    }

    private void Trim()
    {
        int changes;
        lock (_gate)
        {
            changes = _changes;
            _changes = 0;
        }

        long before = Environment.WorkingSet;
        long started = Stopwatch.GetTimestamp();
        _collect();
        LogTrimmed(_logger, changes, before / Mebibyte, Environment.WorkingSet / Mebibyte, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Changes} connects and disconnects, then quiet: collected garbage and returned memory, working set {BeforeMiB} → {AfterMiB} MiB in {Milliseconds:F1} ms")]
    private static partial void LogTrimmed(ILogger logger, int changes, long beforeMiB, long afterMiB, double milliseconds);
}
