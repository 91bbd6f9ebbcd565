namespace Esp32Client.Core
{
    /// <summary>Called when a blink has run its course and the LED is back in the state it had before.</summary>
    public delegate void BlinkFinishedHandler();
}
