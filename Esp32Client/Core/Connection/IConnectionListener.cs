namespace Esp32Client.Core
{
    /// <summary>Told by <see cref="ConnectionSupervisor"/> when the broker connection comes and goes.</summary>
    public interface IConnectionListener
    {
        /// <summary>The board has just connected (or reconnected) to the broker: subscribe and report.</summary>
        void OnConnected();

        /// <summary>The connection is gone: stop anything that publishes.</summary>
        void OnDisconnected();
    }
}
