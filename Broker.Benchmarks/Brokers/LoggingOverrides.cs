using System.Text.Json;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Command-line switches that set every log level in our broker's appsettings.json to None. "Default=None" alone
/// is not enough: a more specific category in the file (Esp32Mqtt.Broker.Messages: Information) would still log.
/// </summary>
internal static class LoggingOverrides
{
    private const string SettingsFileName = "appsettings.json";
    private const string LoggingSection = "Logging";
    private const string LevelSection = "LogLevel";
    private const string DefaultCategory = "Default";
    private const string Off = "None";

    /// <summary>The switches for the broker whose appsettings.json is in <paramref name="brokerDirectory"/>.</summary>
    public static IReadOnlyList<string> For(string brokerDirectory)
    {
        SortedSet<string> keys = new(StringComparer.Ordinal) { $"{LoggingSection}:{LevelSection}:{DefaultCategory}" };
        string settingsPath = Path.Combine(brokerDirectory, SettingsFileName);
        if (File.Exists(settingsPath))
        {
            using JsonDocument settings = JsonDocument.Parse(File.ReadAllText(settingsPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (settings.RootElement.TryGetProperty(LoggingSection, out JsonElement logging))
            {
                CollectLevelKeys(logging, LoggingSection, keys);
            }
        }

        return [.. keys.Select(key => $"--{key}={Off}")];
    }

    private static void CollectLevelKeys(JsonElement section, string path, SortedSet<string> keys)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in section.EnumerateObject())
        {
            string propertyPath = $"{path}:{property.Name}";
            if (property.Name == LevelSection && property.Value.ValueKind == JsonValueKind.Object)
            {
                // Logging:LogLevel and provider sections such as Logging:Console:LogLevel.
                foreach (JsonProperty category in property.Value.EnumerateObject())
                {
                    _ = keys.Add($"{propertyPath}:{category.Name}");
                }
            }
            else
            {
                CollectLevelKeys(property.Value, propertyPath, keys);
            }
        }
    }
}
