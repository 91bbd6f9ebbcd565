namespace Esp32Client.Core
{
    /// <summary>The LED the board drives: one on/off output, like ESPHome's <c>BinaryOutput::write_state</c>.</summary>
    public interface ILedOutput
    {
        /// <summary>Drives the LED on or off.</summary>
        void Write(bool on);
    }
}
