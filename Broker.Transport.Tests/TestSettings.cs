namespace Esp32Mqtt.Broker.Transport.Tests;

/// <summary>Transport settings for a test, with the broker's defaults and the problems reported kept in a list.</summary>
internal static class TestSettings
{
    /// <summary>The broker's default payload limit (Broker:MaxPayloadBytes).</summary>
    public const int DefaultMaxPayloadBytes = 1_048_576;

    /// <summary>Settings with the broker's defaults but <paramref name="maxPayloadBytes"/>; reported problems go to <paramref name="problems"/>.</summary>
    public static TransportSettings Create(int maxPayloadBytes = DefaultMaxPayloadBytes, int maxPendingMessagesPerClient = 1_000, List<ConnectionProblem>? problems = null)
    {
        return new TransportSettings
        {
            BindAddress = "127.0.0.1",
            Port = 0,
            MaxPayloadBytes = maxPayloadBytes,
            MaxPacketBytes = maxPayloadBytes + 65_536,
            ConnectTimeoutSeconds = 10,
            MaxPendingMessagesPerClient = maxPendingMessagesPerClient,
            AssignClientId = () => "auto-test",
            ReportProblem = problem =>
            {
                if (problems is not null)
                {
                    lock (problems)
                    {
                        problems.Add(problem);
                    }
                }
            },
        };
    }
}
