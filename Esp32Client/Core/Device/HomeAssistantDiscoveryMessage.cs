using System.Text;

namespace Esp32Client.Core
{
    /// <summary>
    /// The retained message that makes a board appear in Home Assistant by itself, as ESPHome and Tasmota devices do
    /// (Home Assistant's "MQTT Discovery" and "MQTT Light" documentation, default schema): a light whose commands go to
    /// <c>esp32/&lt;id&gt;/led</c>, whose state comes from <c>esp32/&lt;id&gt;/led/state</c> and whose availability is
    /// <c>esp32/&lt;id&gt;/status</c>. Built once at boot, so (re)connecting publishes the same bytes.
    /// </summary>
    public sealed class HomeAssistantDiscoveryMessage
    {
        /// <summary>Home Assistant's default discovery prefix.</summary>
        public const string Prefix = "homeassistant";

        /// <summary>The kind of entity the board is: a light, shown with an on/off switch.</summary>
        public const string Component = "light";

        /// <summary>The model shown for the board's device.</summary>
        public const string Model = "ESP32 running Esp32Client";

        /// <summary>The manufacturer shown for the board's device: this project.</summary>
        public const string Manufacturer = "esp32mqtt";

        /// <summary>The name of the LED entity, shown after the device's name.</summary>
        public const string EntityName = "LED";

        /// <summary>Builds the message for the board with <paramref name="topics"/>, running <paramref name="firmwareVersion"/>.</summary>
        public HomeAssistantDiscoveryMessage(DeviceTopics topics, string firmwareVersion)
        {
            Topic = Prefix + "/" + Component + "/" + topics.DeviceId + "/config";
            string json = "{\"name\":" + JsonText.Quote(EntityName)
                + ",\"unique_id\":" + JsonText.Quote(topics.DeviceId + "_led")
                + ",\"command_topic\":" + JsonText.Quote(topics.Led)
                + ",\"state_topic\":" + JsonText.Quote(topics.LedState)
                + ",\"payload_on\":" + JsonText.Quote(DevicePayloads.OnText)
                + ",\"payload_off\":" + JsonText.Quote(DevicePayloads.OffText)
                + ",\"availability_topic\":" + JsonText.Quote(topics.Status)
                + ",\"payload_available\":" + JsonText.Quote(DevicePayloads.OnlineText)
                + ",\"payload_not_available\":" + JsonText.Quote(DevicePayloads.OfflineText)
                + ",\"device\":{\"identifiers\":[" + JsonText.Quote(topics.DeviceId) + "]"
                + ",\"name\":" + JsonText.Quote(topics.DeviceId)
                + ",\"model\":" + JsonText.Quote(Model)
                + ",\"manufacturer\":" + JsonText.Quote(Manufacturer)
                + ",\"sw_version\":" + JsonText.Quote(firmwareVersion)
                + "}}";
            Payload = Encoding.UTF8.GetBytes(json);
        }

        /// <summary><c>homeassistant/light/&lt;id&gt;/config</c>.</summary>
        public string Topic { get; }

        /// <summary>The JSON configuration as UTF-8.</summary>
        public byte[] Payload { get; }
    }
}
