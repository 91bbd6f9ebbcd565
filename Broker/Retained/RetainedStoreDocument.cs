namespace Esp32Mqtt.Broker.Retained;

/// <summary>The whole retained-message store file.</summary>
public sealed class RetainedStoreDocument
{
    /// <summary>The file format this broker writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The file format version.</summary>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>Every retained message.</summary>
    public List<StoredRetainedMessage> Messages { get; set; } = [];
}
