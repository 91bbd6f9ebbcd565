using System.Globalization;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>A duration as a person says it: "40 s", "5 min", "3 h", "7 days".</summary>
public static class DurationText
{
    private static readonly TimeSpan s_showMinutesFrom = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_showHoursFrom = TimeSpan.FromHours(2);
    private static readonly TimeSpan s_showDaysFrom = TimeSpan.FromDays(2);

    /// <summary>Rounds <paramref name="duration"/> down to the largest unit it holds at least two of.</summary>
    public static string Format(TimeSpan duration)
    {
        return duration switch
        {
            _ when duration >= s_showDaysFrom => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalDays} days"),
            _ when duration >= s_showHoursFrom => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h"),
            _ when duration >= s_showMinutesFrom => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)Math.Round(duration.TotalSeconds))} s"),
        };
    }
}
