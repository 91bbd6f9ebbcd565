using nanoFramework.M2Mqtt.Messages;

namespace Esp32Client.Networking
{
    /// <summary>
    /// Why the broker refused a connection, in words: enums print as numbers on nanoFramework (NANOFRAMEWORK.md).
    /// MQTT 3.1.1 return codes are 1 to 5 (spec 3.2.2.3), MQTT 5 reason codes 0x80 and up (spec 3.2.2.2); the two
    /// ranges do not overlap, though M2Mqtt gives some of the same numbers several names.
    /// </summary>
    public static class MqttReasonCodeText
    {
        /// <summary>Words for a CONNACK code other than success.</summary>
        public static string Describe(MqttReasonCode code)
        {
            switch (code)
            {
                case MqttReasonCode.ConnectionRefusedUnacceptableProtocolVersion:
                    return "the broker does not support MQTT 3.1.1";
                case MqttReasonCode.ConnectionRefusedIdentifierRejected:
                    return "the broker rejected the client id";
                case MqttReasonCode.ConnectionRefusedServerUnavailable:
                    return "the broker is unavailable";
                case MqttReasonCode.ConnectionRefusedBadUserNameOrPassword:
                    return "bad user name or password";
                case MqttReasonCode.ConnectionRefusedNotAuthorized:
                    return "not authorized";
                case MqttReasonCode.UnspecifiedError:
                    return "unspecified error";
                case MqttReasonCode.MalformedPacket:
                    return "malformed packet";
                case MqttReasonCode.ProtocolError:
                    return "protocol error";
                case MqttReasonCode.ImplementationSpecificError:
                    return "implementation-specific error";
                case MqttReasonCode.UnsupportedProtocolVersion:
                    return "unsupported protocol version";
                case MqttReasonCode.ClientIdentifierNotValid:
                    return "client id not valid";
                case MqttReasonCode.BadUserNameOrPassword:
                    return "bad user name or password";
                case MqttReasonCode.NotAuthorized:
                    return "not authorized";
                case MqttReasonCode.ServerUnavailable:
                    return "server unavailable";
                case MqttReasonCode.ServerBusy:
                    return "server busy";
                case MqttReasonCode.Banned:
                    return "banned";
                case MqttReasonCode.BadAuthenticationMethod:
                    return "bad authentication method";
                case MqttReasonCode.TopicNameInvalid:
                    return "will topic not valid";
                case MqttReasonCode.PacketTooLarge:
                    return "packet too large";
                case MqttReasonCode.QuotaExceeded:
                    return "quota exceeded";
                case MqttReasonCode.PayloadFormatInvalid:
                    return "will payload format not valid";
                case MqttReasonCode.RetainNotSupported:
                    return "retain not supported (the will is retained)";
                case MqttReasonCode.QoSNotSupported:
                    return "QoS not supported (the will is QoS 1)";
                case MqttReasonCode.UseAnotherServer:
                    return "use another server";
                case MqttReasonCode.ServerMoved:
                    return "server moved";
                case MqttReasonCode.ConnectionRateExceeded:
                    return "connection rate exceeded";
                default:
                    return "refused with reason code " + ((int)code).ToString();
            }
        }
    }
}
