using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>The publishers and subscribers of one scenario run: started together, stopped together, and every socket closed whatever happens.</summary>
internal sealed class ClientGroup : IDisposable
{
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(15);

    private readonly List<Socket> _sockets = [];
    private readonly List<Publisher> _publishers = [];
    private readonly List<Subscriber> _subscribers = [];

    /// <summary>The publishers.</summary>
    public IReadOnlyList<Publisher> Publishers => _publishers;

    /// <summary>The subscribers.</summary>
    public IReadOnlyList<Subscriber> Subscribers => _subscribers;

    /// <summary>Messages written by every publisher.</summary>
    public long Sent => _publishers.Sum(publisher => publisher.Sent);

    /// <summary>Messages received by every subscriber.</summary>
    public long Received => _subscribers.Sum(subscriber => subscriber.Counter.Received);

    /// <summary>Messages received out of order or twice, by every subscriber.</summary>
    public long OutOfOrder => _subscribers.Sum(subscriber => subscriber.Counter.OutOfOrder);

    /// <summary>Connects subscriber <paramref name="index"/>, subscribes it, and adds it (not yet started).</summary>
    public Subscriber AddSubscriber(int port, int index, string topicFilter, int qualityOfService, DeliveryCounter counter, LeadLimit? leadLimit = null)
    {
        Socket socket = MqttConnection.Connect(port, ClientIds.Subscriber(index));
        _sockets.Add(socket);
        MqttConnection.Subscribe(socket, topicFilter, qualityOfService);
        Subscriber subscriber = new(socket, counter, ClientIds.Subscriber(index), leadLimit);
        _subscribers.Add(subscriber);
        return subscriber;
    }

    /// <summary>Connects publisher <paramref name="index"/> and adds the loop <paramref name="create"/> makes for it (not yet started).</summary>
    public Publisher AddPublisher(int port, int index, Func<Socket, Publisher> create)
    {
        Socket socket = MqttConnection.Connect(port, ClientIds.Publisher(index));
        _sockets.Add(socket);
        Publisher publisher = create(socket);
        _publishers.Add(publisher);
        return publisher;
    }

    /// <summary>Starts the subscribers, then the publishers.</summary>
    public void Start()
    {
        _subscribers.ForEach(subscriber => subscriber.Start());
        _publishers.ForEach(publisher => publisher.Start());
    }

    /// <summary>Stops the publishers and waits for them; what they wrote is then final.</summary>
    public void StopPublishers()
    {
        _publishers.ForEach(publisher => publisher.RequestStop());
        _publishers.ForEach(publisher => publisher.Join(s_joinTimeout));
    }

    /// <summary>Stops the subscribers and waits for them.</summary>
    public void StopSubscribers()
    {
        _subscribers.ForEach(subscriber => subscriber.RequestStop());
        _subscribers.ForEach(subscriber => subscriber.Join(s_joinTimeout));
    }

    /// <summary>The first failure of any client loop, if one failed.</summary>
    public Exception? FirstFailure()
    {
        return _publishers.Select(publisher => publisher.Failure)
            .Concat(_subscribers.Select(subscriber => subscriber.Failure))
            .FirstOrDefault(failure => failure is not null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        StopPublishers();
        StopSubscribers();
        _sockets.ForEach(MqttConnection.Close);
    }
}
