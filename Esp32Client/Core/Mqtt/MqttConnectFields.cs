namespace Esp32Client.Core
{
    /// <summary>
    /// The fields of one CONNECT, decided once from a <see cref="MqttConnectRequest"/> in the form MQTT client
    /// libraries take them: what is absent is null rather than empty, and the keep-alive fits its two bytes.
    /// </summary>
    public sealed class MqttConnectFields
    {
        /// <summary>The largest keep-alive CONNECT can carry: two bytes of seconds (MQTT 3.1.1, section 3.1.2.10).</summary>
        public const int MaximumKeepAliveSeconds = 65535;

        /// <summary>The QoS of the will when there is one: at least once, so the broker keeps it until delivered.</summary>
        public const int WillQualityOfServiceWhenPresent = 1;

        /// <summary>Decides the fields for <paramref name="request"/>.</summary>
        public MqttConnectFields(MqttConnectRequest request)
        {
            ClientId = request.ClientId;

            // An empty user name would go out as a present but empty field; leaving it out means anonymous. A password
            // goes only with a user name (MQTT 3.1.1, section 3.1.2.9).
            UserName = NullWhenEmpty(request.UserName);
            Password = UserName == null ? null : NullWhenEmpty(request.Password);

            // Without a will, M2Mqtt wants a null topic and message and no will retain, or its CONNECT throws WillWrong
            // (M2Mqtt/Messages/MqttMsgConnect.cs at v5.1.220).
            HasWill = request.WillTopic.Length > 0 && request.WillMessage.Length > 0;
            WillTopic = HasWill ? request.WillTopic : null;
            WillMessage = HasWill ? request.WillMessage : null;
            WillRetain = HasWill;
            WillQualityOfService = HasWill ? WillQualityOfServiceWhenPresent : 0;
            KeepAliveSeconds = Clamp(request.KeepAliveSeconds);
        }

        /// <summary>The client id.</summary>
        public string ClientId { get; }

        /// <summary>The user name, or null for anonymous access.</summary>
        public string? UserName { get; }

        /// <summary>The password, or null: always null without a user name.</summary>
        public string? Password { get; }

        /// <summary>True when CONNECT carries a will.</summary>
        public bool HasWill { get; }

        /// <summary>The will's topic, or null without a will.</summary>
        public string? WillTopic { get; }

        /// <summary>The will's payload, or null without a will.</summary>
        public string? WillMessage { get; }

        /// <summary>True when the broker is to retain the will: always, when there is one.</summary>
        public bool WillRetain { get; }

        /// <summary>The will's QoS: 1 with a will, 0 without.</summary>
        public int WillQualityOfService { get; }

        /// <summary>
        /// True: the broker forgets the subscriptions when the connection ends, and the board subscribes again on every
        /// connect (MQTT 3.1.1, section 3.1.2.4).
        /// </summary>
        public bool CleanSession
        {
            get { return true; }
        }

        /// <summary>The keep-alive in seconds, from 0 (off) to <see cref="MaximumKeepAliveSeconds"/>.</summary>
        public int KeepAliveSeconds { get; }

        private static string? NullWhenEmpty(string value)
        {
            return value == null || value.Length == 0 ? null : value;
        }

        private static int Clamp(int seconds)
        {
            if (seconds <= 0)
            {
                return 0;
            }

            return seconds > MaximumKeepAliveSeconds ? MaximumKeepAliveSeconds : seconds;
        }
    }
}
