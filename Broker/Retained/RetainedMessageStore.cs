using System.Globalization;
using System.Text.Json;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// The retained messages in one JSON file under the data directory. Every save writes a temporary file, flushes it
/// to the disk (fsync) and renames it over the old one, so the file is always either the old or the new version.
/// A file that cannot be understood is renamed aside with a timestamp, never deleted, and the broker starts empty.
/// </summary>
public sealed partial class RetainedMessageStore
{
    /// <summary>The store's file name inside the data directory.</summary>
    public const string FileName = "retained.json";

    private const string TemporarySuffix = ".tmp";
    private const string CorruptNameFormat = "retained.corrupt-{0:yyyyMMdd-HHmmss}{1}.json";

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly object _writeGate = new();

    /// <summary>Creates the store for the configured data directory; nothing is touched on disk yet.</summary>
    public RetainedMessageStore(IOptions<BrokerOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        DirectoryPath = options.Value.DataDirectoryFullPath;
        FilePath = Path.Combine(DirectoryPath, FileName);
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
        _timeProvider = timeProvider;
    }

    /// <summary>The data directory, absolute.</summary>
    public string DirectoryPath { get; }

    /// <summary>The store file, absolute.</summary>
    public string FilePath { get; }

    private string TemporaryPath => FilePath + TemporarySuffix;

    /// <summary>Creates the data directory if needed, checks it can be written, and reads the stored messages.</summary>
    public IReadOnlyList<MqttApplicationMessage> Load()
    {
        PrepareDirectory();
        if (!File.Exists(FilePath))
        {
            return [];
        }

        RetainedStoreDocument? document;
        try
        {
            using FileStream stream = File.OpenRead(FilePath);
            document = JsonSerializer.Deserialize(stream, RetainedStoreJsonContext.Default.RetainedStoreDocument);
        }
        catch (JsonException exception)
        {
            return MoveAside($"it is not valid JSON ({exception.Message})");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BrokerStartupException(
                $"Cannot read the retained-message store {FilePath}: {exception.Message}. Fix its permissions, or set Broker:DataDirectory to another folder.",
                exception);
        }

        if (document is null || document.Version != RetainedStoreDocument.CurrentVersion)
        {
            return MoveAside(document is null ? "it is empty" : $"it has format version {document.Version}, not {RetainedStoreDocument.CurrentVersion}");
        }

        List<MqttApplicationMessage> messages = [];
        DateTimeOffset now = _timeProvider.GetUtcNow();
        for (int index = 0; index < document.Messages.Count; index++)
        {
            MqttApplicationMessage? message = RetainedMessageConverter.FromStored(document.Messages[index], now);
            if (message is null)
            {
                return MoveAside($"entry {index} is not a valid retained message");
            }

            // Expired while the broker was down (OASIS MQTT 5.0 section 3.3.2.3.3): gone, as if it had been running.
            if (MessageExpiry.ExpiresAt(message) is not { } expiresAt || expiresAt > now)
            {
                messages.Add(message);
            }
        }

        LogLoaded(_logger, messages.Count, FilePath);
        return messages;
    }

    /// <summary>Replaces the stored messages with <paramref name="messages"/>, durably, before returning.</summary>
    public void Save(IEnumerable<MqttApplicationMessage> messages)
    {
        RetainedStoreDocument document = new() { Messages = messages.Select(RetainedMessageConverter.ToStored).ToList() };
        lock (_writeGate)
        {
            using (FileStream stream = new(TemporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, RetainedStoreJsonContext.Default.RetainedStoreDocument);
                stream.Flush(flushToDisk: true);
            }

            DurableReplace.Replace(TemporaryPath, FilePath);
        }
    }

    private void PrepareDirectory()
    {
        try
        {
            Directory.CreateDirectory(DirectoryPath);

            // A temporary file left by a crash mid-save is an unfinished copy; the store file itself is intact.
            // Writing it here also proves the directory is writable before any client relies on it.
            File.WriteAllBytes(TemporaryPath, []);
            File.Delete(TemporaryPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BrokerStartupException(
                $"Cannot write to the data directory {DirectoryPath}: {exception.Message}. "
                + "Set Broker:DataDirectory to a folder you can write to, for example --Broker:DataDirectory=./data",
                exception);
        }
    }

    private List<MqttApplicationMessage> MoveAside(string reason)
    {
        DateTimeOffset now = _timeProvider.GetLocalNow();
        string asidePath = Path.Combine(DirectoryPath, string.Format(CultureInfo.InvariantCulture, CorruptNameFormat, now, string.Empty));
        for (int attempt = 2; File.Exists(asidePath); attempt++)
        {
            asidePath = Path.Combine(DirectoryPath, string.Format(CultureInfo.InvariantCulture, CorruptNameFormat, now, $"-{attempt}"));
        }

        File.Move(FilePath, asidePath);
        LogMovedAside(_logger, FilePath, reason, asidePath);
        return [];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "loaded {Count} retained messages from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the retained-message store {Path} could not be read ({Reason}); moved it to {AsidePath} and started with no retained messages")]
    private static partial void LogMovedAside(ILogger logger, string path, string reason, string asidePath);
}
