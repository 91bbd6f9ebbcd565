using Esp32Client.Core;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>A simulated board's topics, from the firmware's own <see cref="DeviceTopics"/>.</summary>
public static class SimulatorProcessTopics
{
    extension(SimulatorProcess board)
    {
        /// <summary>The board's topics.</summary>
        public DeviceTopics Topics => new(board.Id);
    }
}
