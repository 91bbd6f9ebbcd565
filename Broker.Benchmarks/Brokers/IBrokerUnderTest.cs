namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>A broker the benchmark can start fresh, measure as a process, and stop.</summary>
internal interface IBrokerUnderTest
{
    /// <summary>Short name used in results and on the command line: "ours" or "mosquitto".</summary>
    string Name { get; }

    /// <summary>The running process's id, for /proc; valid between start and stop.</summary>
    int ProcessId { get; }

    /// <summary>The loopback port it listens on; valid between start and stop.</summary>
    int Port { get; }

    /// <summary>The loopback port of its TLS listener, when the run has certificates; valid between start and stop.</summary>
    int? TlsPort { get; }

    /// <summary>From process start to the first page its web dashboard served; null for a broker without one.</summary>
    TimeSpan? TimeToDashboard { get; }

    /// <summary>Starts a new process on a free port and returns the time from process start to the first accepted MQTT connection.</summary>
    Task<TimeSpan> StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the process (SIGTERM, then SIGKILL) and removes its temporary files.</summary>
    void Stop();
}
