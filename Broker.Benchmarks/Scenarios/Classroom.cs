using System.Globalization;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>A classroom: thirty boards, the <c>led</c> topic they listen on, and the telemetry they send.</summary>
internal static class Classroom
{
    /// <summary>Boards in one classroom.</summary>
    public const int Boards = 30;

    /// <summary>The topic a board listens on for on/off commands.</summary>
    public const string LedTopic = "led";

    /// <summary>What a dashboard subscribes to for every board's telemetry.</summary>
    public const string TelemetryFilter = "telemetry/+";

    /// <summary>The telemetry topic of board <paramref name="index"/>.</summary>
    public static string TelemetryTopic(int index)
    {
        return string.Create(CultureInfo.InvariantCulture, $"telemetry/board-{index:00}");
    }
}
