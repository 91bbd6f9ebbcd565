using Esp32Mqtt.Broker.Events;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>
/// The messages the flow view draws: every routed message is counted, but at most <see cref="DrawnPerSecond"/> a second
/// become a <see cref="FlowEntry"/>, kept in a ring of the last <see cref="Capacity"/>. The rest are only counted, and a
/// page shows them as "+N more". So a flood costs the broker one counter increment per message beyond the first few,
/// and a page at most a few rows a second, however fast messages come. Every page reads the same ring from where it
/// last stopped, so one page or ten cost the same per message.
/// </summary>
public sealed class FlowLog
{
    /// <summary>Messages drawn per second at most; more would scroll by faster than anyone can read.</summary>
    public const int DrawnPerSecond = 20;

    /// <summary>Drawn messages kept for pages that open later or fall behind.</summary>
    public const int Capacity = 100;

    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();
    private readonly FlowEntry?[] _ring = new FlowEntry?[Capacity];
    private long _counted;
    private long _drawn;
    private long _windowStart;
    private int _drawnInWindow;

    /// <summary>Creates the log; <paramref name="timeProvider"/> times the per-second budget.</summary>
    public FlowLog(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _windowStart = timeProvider.GetTimestamp();
    }

    /// <summary>Counts one routed message, and keeps it for drawing if this second's budget allows.</summary>
    public void Record(MessageRouted message)
    {
        lock (_gate)
        {
            long number = ++_counted;
            long now = _timeProvider.GetTimestamp();
            if (_timeProvider.GetElapsedTime(_windowStart, now) >= s_window)
            {
                _windowStart = now;
                _drawnInWindow = 0;
            }

            if (_drawnInWindow == DrawnPerSecond)
            {
                return;
            }

            _drawnInWindow++;
            _ring[_drawn % Capacity] = FlowEntry.Of(number, message);
            _drawn++;
        }
    }

    /// <summary>Where a newly opened page starts: just before the oldest message still kept, so it shows the recent ones.</summary>
    public long StartingPoint()
    {
        lock (_gate)
        {
            FlowEntry? oldest = _drawn == 0 ? null : _ring[_drawn <= Capacity ? 0 : _drawn % Capacity];
            return oldest is null ? _counted : oldest.Number - 1;
        }
    }

    /// <summary>The messages counted after number <paramref name="lastNumber"/>: those drawn, and counts of those that were not.</summary>
    public FlowBatch ReadAfter(long lastNumber)
    {
        List<FlowItem> items = [];
        lock (_gate)
        {
            long first = Math.Max(0, _drawn - Capacity);
            long previous = lastNumber;
            for (long index = first; index < _drawn; index++)
            {
                FlowEntry entry = _ring[index % Capacity]!;
                if (entry.Number <= lastNumber)
                {
                    continue;
                }

                AddSkipped(items, entry.Number - 1, entry.Number - previous - 1);
                items.Add(new FlowItem(entry.Number, entry, 0));
                previous = entry.Number;
            }

            AddSkipped(items, _counted, _counted - previous);
            return new FlowBatch(items, Math.Max(_counted, lastNumber));
        }
    }

    private static void AddSkipped(List<FlowItem> items, long lastNumber, long skipped)
    {
        if (skipped > 0)
        {
            items.Add(new FlowItem(lastNumber, null, skipped));
        }
    }
}
