using System.Globalization;
using System.Text;
using Esp32Mqtt.Broker.Subscriptions;

namespace Esp32Mqtt.Broker.Dashboard.Publishing;

/// <summary>
/// Checks a <see cref="PublishRequest"/> before anything is published, and says what is wrong with each field in words
/// the form shows next to it.
/// </summary>
public static class PublishCheck
{
    /// <summary>The form field names the errors are keyed by (the request's JSON property names).</summary>
    public const string TopicField = "topic";

    /// <summary>The payload field.</summary>
    public const string PayloadField = "payload";

    /// <summary>The QoS field.</summary>
    public const string QualityOfServiceField = "qualityOfService";

    /// <summary>The problems with <paramref name="request"/>, by field; empty when it can be published.</summary>
    public static IReadOnlyDictionary<string, string[]> FindProblems(PublishRequest request, int maxPayloadBytes)
    {
        Dictionary<string, string[]> problems = [];
        string? topicProblem = TopicNameRules.FindProblem(request.Topic ?? string.Empty);
        if (topicProblem is not null)
        {
            problems[TopicField] = [Sentence(topicProblem)];
        }

        int payloadBytes = Encoding.UTF8.GetByteCount(request.Payload ?? string.Empty);
        if (payloadBytes > maxPayloadBytes)
        {
            problems[PayloadField] =
            [
                string.Create(CultureInfo.InvariantCulture, $"The payload is {payloadBytes:N0} bytes; the broker accepts at most {maxPayloadBytes:N0} (Broker:MaxPayloadBytes)."),
            ];
        }

        if (request.QualityOfService is not (0 or 1))
        {
            problems[QualityOfServiceField] = [string.Create(CultureInfo.InvariantCulture, $"QoS {request.QualityOfService} is not offered here; choose 0 or 1.")];
        }

        return problems;
    }

    private static string Sentence(string problem)
    {
        return char.ToUpperInvariant(problem[0]) + problem[1..] + ".";
    }
}
