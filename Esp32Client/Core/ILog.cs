namespace Esp32Client.Core
{
    /// <summary>Where the firmware writes its one-line diagnostics (the debug console on the board).</summary>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Write(string line);
    }
}
