namespace Esp32Client.Core
{
    /// <summary>What a command asks the board to do.</summary>
    public enum CommandKind
    {
        /// <summary>Turn the LED on (<c>on</c>, <c>1</c>, <c>true</c>, <c>{"state":"on"}</c>).</summary>
        On,

        /// <summary>Turn the LED off (<c>off</c>, <c>0</c>, <c>false</c>, <c>{"state":"off"}</c>).</summary>
        Off,

        /// <summary>Flip the LED (<c>toggle</c>, <c>{"state":"toggle"}</c>).</summary>
        Toggle,

        /// <summary>Blink, then return to the state before (<c>blink [count] [interval_ms]</c>, <c>{"blink":N}</c>).</summary>
        Blink,

        /// <summary>Republish the current state (an empty payload or <c>?</c>).</summary>
        Query,
    }
}
