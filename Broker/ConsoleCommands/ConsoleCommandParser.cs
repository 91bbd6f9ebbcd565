using Esp32Mqtt.Broker.Subscriptions;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>
/// The console grammar: <c>&lt;topic&gt; &lt;payload&gt; [--retain] [--qos 0|1]</c>, the same after the word <c>pub</c>,
/// and <c>clients</c>, <c>subs</c>, <c>retained</c>, <c>help</c>. The payload is the rest of the line as typed (so JSON
/// works); a payload written entirely in double quotes loses them, which allows <c>""</c> (empty) and <c>"--retain"</c>.
/// A bad line gives a usage error and no command.
/// </summary>
public static class ConsoleCommandParser
{
    private const string PublishWord = "pub";
    private const string RetainOption = "--retain";
    private const string QualityOfServiceOption = "--qos";
    private const string OptionPrefix = "--";
    private const char Quote = '"';

    private static readonly Dictionary<string, ShowTarget> s_showWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = ShowTarget.Help,
        ["?"] = ShowTarget.Help,
        ["clients"] = ShowTarget.Clients,
        ["subs"] = ShowTarget.Subscriptions,
        ["retained"] = ShowTarget.Retained,
    };

    /// <summary>Parses one line.</summary>
    public static ConsoleParseResult Parse(string line)
    {
        string text = line.Trim();
        List<Range> words = SplitWords(text);
        if (words.Count == 0)
        {
            return ConsoleParseResult.Nothing;
        }

        string first = text[words[0]];
        if (s_showWords.TryGetValue(first, out ShowTarget target))
        {
            return words.Count == 1
                ? ConsoleParseResult.Of(new ShowCommand(target))
                : ConsoleParseResult.Invalid($"'{first}' takes nothing after it");
        }

        bool publishWord = string.Equals(first, PublishWord, StringComparison.OrdinalIgnoreCase);
        if (!publishWord && words.Count == 1)
        {
            return ConsoleParseResult.Invalid($"'{first}' is not a command; to publish, type a topic and a payload, such as: led on");
        }

        return ParsePublish(text, words, topicIndex: publishWord ? 1 : 0);
    }

    private static ConsoleParseResult ParsePublish(string text, List<Range> words, int topicIndex)
    {
        bool retain = false;
        MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce;
        int end = words.Count;
        while (end > topicIndex + 1)
        {
            string last = text[words[end - 1]];
            if (text[words[end - 2]] == QualityOfServiceOption)
            {
                if (last is not ("0" or "1"))
                {
                    return ConsoleParseResult.Invalid($"{QualityOfServiceOption} must be followed by 0 or 1");
                }

                qualityOfService = last == "1" ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;
                end -= 2;
            }
            else if (last == RetainOption)
            {
                retain = true;
                end--;
            }
            else if (last == QualityOfServiceOption)
            {
                return ConsoleParseResult.Invalid($"{QualityOfServiceOption} must be followed by 0 or 1");
            }
            else if (last.StartsWith(OptionPrefix, StringComparison.Ordinal))
            {
                return ConsoleParseResult.Invalid($"unknown option '{last}'; the options are {RetainOption} and {QualityOfServiceOption} 0|1 (put \"{last}\" in quotes to send it as the payload)");
            }
            else
            {
                break;
            }
        }

        if (end <= topicIndex + 1)
        {
            return ConsoleParseResult.Invalid("publishing needs a topic and a payload, such as: pub led on (\"\" is an empty payload)");
        }

        string topic = text[words[topicIndex]];
        string? topicError = CheckTopic(topic);
        if (topicError is not null)
        {
            return ConsoleParseResult.Invalid(topicError);
        }

        string payload = text[words[topicIndex + 1].Start..words[end - 1].End];
        if (payload.Length >= 2 && payload[0] == Quote && payload[^1] == Quote)
        {
            payload = payload[1..^1];
        }

        return ConsoleParseResult.Of(new PublishCommand(topic, payload, retain, qualityOfService));
    }

    private static string? CheckTopic(string topic)
    {
        if (topic.StartsWith(OptionPrefix, StringComparison.Ordinal))
        {
            return $"options go after the payload, such as: pub led on {RetainOption}";
        }

        return TopicNameRules.FindProblem(topic);
    }

    private static List<Range> SplitWords(string text)
    {
        List<Range> words = [];
        int index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            int start = index;
            while (index < text.Length && !char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            if (index > start)
            {
                words.Add(start..index);
            }
        }

        return words;
    }
}
