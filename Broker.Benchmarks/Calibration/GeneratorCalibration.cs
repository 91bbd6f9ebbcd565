using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Protocol;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Calibration;

/// <summary>
/// Measures the load generator without a broker, so the output can show it drives and absorbs more than twice the
/// highest rate any broker reached: the same publisher into a discard sink, the same subscriber over a recorded
/// stream, and the frame reader alone.
/// </summary>
internal static class GeneratorCalibration
{
    // A prime, so reads end mid-frame and the reader's split-frame path is part of what is measured.
    private const int ParserChunkBytes = 65_521;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Runs the three measurements, each for <paramref name="duration"/>.</summary>
    public static async Task<CalibrationResult> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        (byte[] stream, int messages) = RecordedStream.Create();
        CheckParser(stream, messages);
        double publisher = await MeasurePublisherAsync(duration, cancellationToken).ConfigureAwait(false);
        double subscriber = await MeasureSubscriberAsync(stream, duration, cancellationToken).ConfigureAwait(false);
        double parser = MeasureParser(stream, duration);
        (double lag99, double lag999) = await MeasurePacedLagAsync(duration, cancellationToken).ConfigureAwait(false);
        return new CalibrationResult(publisher, subscriber, parser, lag99, lag999);
    }

    private static async Task<double> MeasurePublisherAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        using DiscardSink sink = new();
        using Socket socket = MqttConnection.OpenSocket(sink.Port);
        BlastPublisher publisher = new(socket, PublishTemplate.Create(Classroom.LedTopic, 0, 0), "calibration-publisher");
        publisher.Start();
        double rate = await RateAsync(() => publisher.Sent, duration, cancellationToken).ConfigureAwait(false);
        publisher.RequestStop();
        _ = publisher.Join(s_joinTimeout);
        return rate;
    }

    private static async Task<(double Lag99, double Lag999)> MeasurePacedLagAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        const double NinetyNinth = 99;
        const double NineHundredNinetyNinthPerMille = 99.9;
        const double MicrosecondsPerSecond = 1_000_000;
        int messages = (int)(duration.TotalSeconds * LatencyScenario.BusyRate);
        DurationRecorder lag = new(messages, 1);
        using DiscardSink sink = new();
        using Socket socket = MqttConnection.OpenSocket(sink.Port);
        PacedPublisher publisher = new(socket, PublishTemplate.Create(Classroom.LedTopic, 0, 0), LatencyScenario.BusyRate, messages, lag, "calibration-paced");
        publisher.Start();
        while (!publisher.Finished && publisher.Failure is null)
        {
            await Task.Delay(s_warmUp, cancellationToken).ConfigureAwait(false);
        }

        _ = publisher.Join(s_joinTimeout);
        long[] samples = lag.ToArray();
        Array.Sort(samples);
        if (samples.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        return (Percentiles.Of(samples, NinetyNinth) * MicrosecondsPerSecond / Stopwatch.Frequency,
            Percentiles.Of(samples, NineHundredNinetyNinthPerMille) * MicrosecondsPerSecond / Stopwatch.Frequency);
    }

    private static async Task<double> MeasureSubscriberAsync(byte[] stream, TimeSpan duration, CancellationToken cancellationToken)
    {
        using ReplayServer server = new(stream);
        using Socket socket = MqttConnection.OpenSocket(server.Port);
        Subscriber subscriber = new(socket, new DeliveryCounter(Classroom.Boards), "calibration-subscriber");
        subscriber.Start();
        double rate = await RateAsync(() => subscriber.Counter.Received, duration, cancellationToken).ConfigureAwait(false);
        subscriber.RequestStop();
        _ = subscriber.Join(s_joinTimeout);
        return rate;
    }

    // Every figure depends on the frame reader counting right: one pass must find exactly the recorded messages,
    // whether frames arrive split at arbitrary points (prime-sized chunks) or a byte at a time.
    private static void CheckParser(byte[] stream, int messages)
    {
        const int OneByte = 1;
        const int ByteByBytePrefix = 64 * 1024;
        int messagesInPrefix = ByteByBytePrefix / (stream.Length / messages);
        long chunked = Parse(stream, stream.Length, ParserChunkBytes);
        long byteByByte = Parse(stream, messagesInPrefix * (stream.Length / messages), OneByte);
        if (chunked != messages || byteByByte != messagesInPrefix)
        {
            throw new InvalidOperationException($"Frame reader self-check failed: {chunked} of {messages} messages in chunks, {byteByByte} of {messagesInPrefix} byte by byte.");
        }
    }

    private static long Parse(byte[] stream, int length, int chunkBytes)
    {
        FrameReader reader = new(Subscriber.ReadBufferBytes);
        DeliveryCounter counter = new(Classroom.Boards);
        long parsed = 0;
        for (int offset = 0; offset < length; offset += chunkBytes)
        {
            int count = Math.Min(chunkBytes, length - offset);
            stream.AsSpan(offset, count).CopyTo(reader.FreeSpace);
            reader.Commit(count);
            parsed += reader.ParseAvailable(counter);
        }

        return reader.PendingBytes == 0 ? parsed : -1;
    }

    private static double MeasureParser(byte[] stream, TimeSpan duration)
    {
        long start = Stopwatch.GetTimestamp();
        long parsed = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            parsed += Parse(stream, stream.Length, ParserChunkBytes);
        }

        return parsed / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static async Task<double> RateAsync(Func<long> count, TimeSpan duration, CancellationToken cancellationToken)
    {
        await Task.Delay(s_warmUp, cancellationToken).ConfigureAwait(false);
        long before = count();
        long start = Stopwatch.GetTimestamp();
        await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
        return (count() - before) / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
