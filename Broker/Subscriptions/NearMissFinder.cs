namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>
/// Finds the subscription a publisher probably meant when a topic reached nobody: the same letters in another case,
/// a leading or trailing slash more or less, or one typo (one letter added, removed, changed, or two swapped).
/// </summary>
public static class NearMissFinder
{
    private const char LevelSeparator = '/';

    // Below this length nearly every pair of topics is "one typo" apart, so a suggestion would be noise.
    private const int ShortestTopicForTypoHint = 3;

    private enum Closeness
    {
        Case = 0,
        Slash = 1,
        Typo = 2,
    }

    /// <summary>The closest subscribed filter, or null when none is near.</summary>
    public static NearMiss? Find(string topic, IEnumerable<Subscription> subscriptions)
    {
        NearMiss? best = null;
        Closeness bestCloseness = Closeness.Typo;
        foreach (IGrouping<string, Subscription> filter in subscriptions.GroupBy(s => s.TopicFilter, StringComparer.Ordinal))
        {
            Closeness? closeness = Compare(topic, filter.Key);
            if (closeness is null)
            {
                continue;
            }

            int subscribers = filter.Select(s => s.ClientId).Distinct(StringComparer.Ordinal).Count();
            if (best is null
                || closeness < bestCloseness
                || (closeness == bestCloseness && subscribers > best.SubscriberCount)
                || (closeness == bestCloseness && subscribers == best.SubscriberCount && string.CompareOrdinal(filter.Key, best.TopicFilter) < 0))
            {
                best = new NearMiss(filter.Key, subscribers);
                bestCloseness = closeness.Value;
            }
        }

        return best;
    }

    /// <summary>Whether two strings differ by at most one edit: insertion, deletion, substitution or adjacent transposition.</summary>
    public static bool IsOneEditApart(string first, string second)
    {
        if (Math.Abs(first.Length - second.Length) > 1)
        {
            return false;
        }

        int start = 0;
        while (start < first.Length && start < second.Length && first[start] == second[start])
        {
            start++;
        }

        if (first.Length == second.Length)
        {
            if (start == first.Length)
            {
                return true;
            }

            string firstRest = first[(start + 1)..];
            string secondRest = second[(start + 1)..];
            bool substitution = firstRest == secondRest;
            bool transposition = start + 1 < first.Length
                && first[start] == second[start + 1]
                && first[start + 1] == second[start]
                && first[(start + 2)..] == second[(start + 2)..];
            return substitution || transposition;
        }

        string longer = first.Length > second.Length ? first : second;
        string shorter = first.Length > second.Length ? second : first;
        return longer[(start + 1)..] == shorter[start..];
    }

    private static Closeness? Compare(string topic, string filter)
    {
        if (topic == filter)
        {
            return null;
        }

        if (string.Equals(topic, filter, StringComparison.OrdinalIgnoreCase))
        {
            return Closeness.Case;
        }

        if (string.Equals(topic.Trim(LevelSeparator), filter.Trim(LevelSeparator), StringComparison.OrdinalIgnoreCase))
        {
            return Closeness.Slash;
        }

        bool longEnough = Math.Min(topic.Length, filter.Length) >= ShortestTopicForTypoHint;
        return longEnough && IsOneEditApart(topic, filter) ? Closeness.Typo : null;
    }
}
