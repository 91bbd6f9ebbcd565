namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>A load-generator loop that publishes and counts what it has written.</summary>
internal abstract class Publisher : ClientWorker
{
    /// <summary>Prepares the thread; nothing runs until <see cref="ClientWorker.Start"/>.</summary>
    protected Publisher(string name)
        : base(name)
    {
    }

    /// <summary>Messages written to the socket so far.</summary>
    public abstract long Sent { get; }
}
