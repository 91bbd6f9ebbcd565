namespace Esp32Client.Core
{
    /// <summary>What the firmware asks for when it connects: identity, credentials and the retained last will.</summary>
    public sealed class MqttConnectRequest
    {
        /// <summary>Creates a request; <paramref name="userName"/> and <paramref name="password"/> are empty for anonymous access.</summary>
        public MqttConnectRequest(string clientId, string userName, string password, string willTopic, string willMessage, int keepAliveSeconds)
        {
            ClientId = clientId;
            UserName = userName;
            Password = password;
            WillTopic = willTopic;
            WillMessage = willMessage;
            KeepAliveSeconds = keepAliveSeconds;
        }

        /// <summary>The MQTT client id: the device id.</summary>
        public string ClientId { get; }

        /// <summary>User name, or an empty string for none.</summary>
        public string UserName { get; }

        /// <summary>Password, or an empty string for none.</summary>
        public string Password { get; }

        /// <summary>Topic of the retained last will (the status topic).</summary>
        public string WillTopic { get; }

        /// <summary>Payload of the retained last will (<c>offline</c>).</summary>
        public string WillMessage { get; }

        /// <summary>MQTT keep-alive in seconds.</summary>
        public int KeepAliveSeconds { get; }
    }
}
