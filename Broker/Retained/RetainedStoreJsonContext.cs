using System.Text.Json.Serialization;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>Compile-time JSON serialisation for the retained store.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RetainedStoreDocument))]
public sealed partial class RetainedStoreJsonContext : JsonSerializerContext
{
}
