namespace Esp32Client.Core
{
    /// <summary>A one-shot timer created by <see cref="IClock.CreateTimer"/>.</summary>
    public interface IOneShotTimer
    {
        /// <summary>Fires the callback once after <paramref name="dueMilliseconds"/>, replacing any pending firing.</summary>
        void Start(int dueMilliseconds);

        /// <summary>Cancels a pending firing, if any.</summary>
        void Stop();
    }
}
