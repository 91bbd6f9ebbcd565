using Esp32Mqtt.Broker.Sessions;
using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Tests.Sessions;

public sealed class SessionLifetimeTests
{
    private static readonly TimeSpan s_week = TimeSpan.FromDays(7);

    public static TheoryData<MqttProtocolVersion, bool, uint, uint, TimeSpan?> Cases => new()
    {
        // MQTT 3.1.1: clean session decides; the broker's limit applies (OASIS MQTT 3.1.1 section 3.1.2.4).
        { MqttProtocolVersion.V311, true, 0, 0, null },
        { MqttProtocolVersion.V311, false, 0, 0, s_week },

        // MQTT 3.1: MQTTnet keeps even a clean session, which the broker then deletes at once.
        { MqttProtocolVersion.V310, true, 0, 0, TimeSpan.Zero },
        { MqttProtocolVersion.V310, false, 0, 0, s_week },

        // MQTT 5: the interval decides, the DISCONNECT's over the CONNECT's (sections 3.1.2.11.2 and 3.14.2.2.2).
        { MqttProtocolVersion.V500, false, 0, 0, null },
        { MqttProtocolVersion.V500, false, 60, 0, TimeSpan.FromSeconds(60) },
        { MqttProtocolVersion.V500, false, 3_600, 10, TimeSpan.FromSeconds(10) },
        { MqttProtocolVersion.V500, true, uint.MaxValue, 0, TimeSpan.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keeps_a_session_as_long_as_the_protocol_says(MqttProtocolVersion version, bool cleanSession, uint connectExpiry, uint disconnectExpiry, TimeSpan? expected)
    {
        // Act
        TimeSpan? keptFor = SessionLifetime.KeptFor(version, cleanSession, connectExpiry, disconnectExpiry, s_week);

        // Assert
        Assert.Equal(expected, keptFor);
    }
}
