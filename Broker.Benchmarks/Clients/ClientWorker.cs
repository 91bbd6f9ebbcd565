using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// A load-generator loop on its own thread: blocking socket calls on dedicated threads cost one system call each,
/// where async sockets would add an epoll round and a thread-pool hop per operation.
/// </summary>
internal abstract class ClientWorker
{
    /// <summary>How often a blocked loop wakes to check for a stop request.</summary>
    protected static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(200);

    private readonly Thread _thread;
    private volatile bool _stopRequested;
    private bool _started;

    /// <summary>Prepares the thread; nothing runs until <see cref="Start"/>.</summary>
    protected ClientWorker(string name)
    {
        _thread = new Thread(RunGuarded) { IsBackground = true, Name = name };
    }

    /// <summary>Why the loop ended early, if it did.</summary>
    public Exception? Failure { get; protected set; }

    /// <summary>Whether a stop was requested.</summary>
    protected bool StopRequested => _stopRequested;

    /// <summary>Starts the loop.</summary>
    public virtual void Start()
    {
        _started = true;
        _thread.Start();
    }

    /// <summary>Asks the loop to end after its current step.</summary>
    public virtual void RequestStop()
    {
        _stopRequested = true;
    }

    /// <summary>Waits for the loop to end.</summary>
    public virtual bool Join(TimeSpan timeout)
    {
        return !_started || _thread.Join(timeout);
    }

    /// <summary>The loop; it returns when <see cref="StopRequested"/> is set or its work is done.</summary>
    protected abstract void Run();

    private void RunGuarded()
    {
        try
        {
            Run();
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or InvalidDataException)
        {
            if (!_stopRequested)
            {
                Failure = exception;
            }
        }
    }
}
