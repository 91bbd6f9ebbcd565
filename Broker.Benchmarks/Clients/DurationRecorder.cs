namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Keeps one duration (Stopwatch ticks) per measured message, in a preallocated array, skipping the warm-up messages
/// before them and the cool-down messages after them by their sequence number. Written by one thread, read after that
/// thread has stopped.
/// </summary>
internal sealed class DurationRecorder
{
    private readonly long[] _samples;
    private readonly uint _firstMeasuredSequence;
    private int _count;

    /// <summary>Room for <paramref name="capacity"/> samples: sequence numbers <paramref name="firstMeasuredSequence"/> to <paramref name="firstMeasuredSequence"/> + <paramref name="capacity"/> − 1.</summary>
    public DurationRecorder(int capacity, uint firstMeasuredSequence)
    {
        _samples = new long[capacity];
        _firstMeasuredSequence = firstMeasuredSequence;
    }

    /// <summary>Samples recorded so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Records <paramref name="ticks"/> for message <paramref name="sequence"/> if it is a measured one.</summary>
    public void Record(uint sequence, long ticks)
    {
        if (sequence >= _firstMeasuredSequence && sequence - _firstMeasuredSequence < (uint)_samples.Length && _count < _samples.Length)
        {
            _samples[_count] = ticks;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    /// <summary>A copy of the samples.</summary>
    public long[] ToArray()
    {
        return _samples.AsSpan(0, Count).ToArray();
    }
}
