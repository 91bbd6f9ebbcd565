namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>
/// The rules a topic filter must keep (OASIS MQTT 3.1.1 and MQTT 5.0 sections 4.7.1 and 4.7.3), which MQTTnet 5.2 does
/// not check: it grants <c>a/#/b</c> or <c>a+</c> as if they were filters, and they silently never match.
/// </summary>
public static class TopicFilterRules
{
    private const char LevelSeparator = '/';
    private const string MultiLevelWildcard = "#";
    private const string SingleLevelWildcard = "+";

    /// <summary>Why <paramref name="filter"/> is not a valid topic filter, in words for a learner; null when it is one.</summary>
    public static string? WhyInvalid(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return "a filter must not be empty";
        }

        if (filter.Contains('\0', StringComparison.Ordinal))
        {
            return "a filter must not contain the null character U+0000";
        }

        string[] levels = filter.Split(LevelSeparator);
        for (int index = 0; index < levels.Length; index++)
        {
            string level = levels[index];
            bool hasWildcard = level.Contains(MultiLevelWildcard, StringComparison.Ordinal) || level.Contains(SingleLevelWildcard, StringComparison.Ordinal);
            if (hasWildcard && level is not (MultiLevelWildcard or SingleLevelWildcard))
            {
                return "'+' and '#' must each fill a whole level";
            }

            if (level == MultiLevelWildcard && index != levels.Length - 1)
            {
                return "'#' must be the last level of a filter";
            }
        }

        return null;
    }
}
