using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Observation;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// Writes the retained messages to <see cref="RetainedMessageStore"/> on one background writer, always the newest
/// snapshot, so changes that arrive while a write is on the disk share the next write (group commit). A caller that
/// must not go on before its change is on disk (a retained QoS 1 publish, before its PUBACK) waits for the write that
/// includes it; a retained QoS 0 publish, which promises nothing, does not wait, so a board reporting its state never
/// waits for an fsync.
/// </summary>
public sealed partial class RetainedStoreWriter : IDisposable
{
    private readonly RetainedMessageStore _store;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _writeRequested = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private IReadOnlyList<MqttApplicationMessage>? _pending;
    private TaskCompletionSource _nextWrite = NewCompletion();
    private TaskCompletionSource? _writeOnDisk;

    /// <summary>Starts the background writer for <paramref name="store"/>.</summary>
    public RetainedStoreWriter(RetainedMessageStore store, ILoggerFactory loggerFactory)
    {
        _store = store;
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Records <paramref name="snapshot"/> (all retained messages) for writing. With <paramref name="waitUntilDurable"/>
    /// the task completes once a write that includes it is on disk; otherwise it completes at once.
    /// </summary>
    public Task SaveAsync(IReadOnlyList<MqttApplicationMessage> snapshot, bool waitUntilDurable)
    {
        Task written;
        bool wake;
        lock (_gate)
        {
            wake = _pending is null;
            _pending = snapshot;
            written = _nextWrite.Task;
        }

        if (wake)
        {
            _writeRequested.Release();
        }

        return waitUntilDurable ? written : Task.CompletedTask;
    }

    /// <summary>Completes when everything recorded so far is on disk (used when the broker stops).</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            if (_pending is not null)
            {
                return _nextWrite.Task;
            }

            return _writeOnDisk?.Task ?? Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Cancel();
        _ = _writer.Wait(TimeSpan.FromSeconds(5));
        _stopping.Dispose();
        _writeRequested.Dispose();
    }

    private static TaskCompletionSource NewCompletion()
    {
        // Callers resume on the thread pool, never inline on the writer: the next write is not held up by them.
        return new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                await _writeRequested.WaitAsync(_stopping.Token).ConfigureAwait(false);
                IReadOnlyList<MqttApplicationMessage>? snapshot;
                TaskCompletionSource completion;
                lock (_gate)
                {
                    snapshot = _pending;
                    _pending = null;
                    completion = _nextWrite;
                    _nextWrite = NewCompletion();
                    _writeOnDisk = completion;
                }

                if (snapshot is not null)
                {
                    Write(snapshot);
                }

                completion.TrySetResult();
            }
        }
        catch (OperationCanceledException)
        {
            // The broker is stopping; FlushAsync has already waited for the last write.
        }
    }

    private void Write(IReadOnlyList<MqttApplicationMessage> snapshot)
    {
        try
        {
            _store.Save(snapshot);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(_logger, _store.FilePath, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "could not save the retained messages to {Path}: {Reason}; they are kept in memory until the broker stops")]
    private static partial void LogSaveFailed(ILogger logger, string path, string reason);
}
