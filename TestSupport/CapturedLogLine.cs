using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.TestSupport;

/// <summary>One log entry as a person would read it: category, level and the formatted message.</summary>
/// <param name="Category">The logger category.</param>
/// <param name="Level">The level.</param>
/// <param name="Message">The formatted message.</param>
public sealed record CapturedLogLine(string Category, LogLevel Level, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        return $"{Level} {Category}: {Message}";
    }
}
