namespace Esp32Client.Core
{
    /// <summary>The outcome of <see cref="IMqttConnection.Connect"/> with a reason in words for the log.</summary>
    public sealed class MqttConnectResult
    {
        private MqttConnectResult(MqttConnectOutcome outcome, string detail)
        {
            Outcome = outcome;
            Detail = detail;
        }

        /// <summary>How the attempt ended.</summary>
        public MqttConnectOutcome Outcome { get; }

        /// <summary>Why, in words (empty when connected).</summary>
        public string Detail { get; }

        /// <summary>The broker accepted the connection.</summary>
        public static MqttConnectResult Connected()
        {
            return new MqttConnectResult(MqttConnectOutcome.Connected, string.Empty);
        }

        /// <summary>The broker refused the connection for the reason given.</summary>
        public static MqttConnectResult Refused(string reason)
        {
            return new MqttConnectResult(MqttConnectOutcome.Refused, reason);
        }

        /// <summary>The broker could not be reached for the reason given.</summary>
        public static MqttConnectResult Unreachable(string reason)
        {
            return new MqttConnectResult(MqttConnectOutcome.Unreachable, reason);
        }
    }
}
