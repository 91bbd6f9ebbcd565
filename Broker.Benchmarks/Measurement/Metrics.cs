namespace Esp32Mqtt.Broker.Benchmarks.Measurement;

/// <summary>Every metric the scenarios report, in the order the tables show them.</summary>
internal static class Metrics
{
    /// <summary>Broker CPU time (user + system) per delivered message over the measured interval.</summary>
    public static readonly Metric CpuPerMessage = new("cpu_per_message_us", "broker CPU / delivered msg", "µs", Better.Lower, 2);

    /// <summary>Messages received by all subscribers per second over the measured interval.</summary>
    public static readonly Metric DeliveredRate = new("delivered_rate", "delivered rate", "msg/s", Better.Higher, 0);

    /// <summary>Broker CPU time over wall time in the measured interval.</summary>
    public static readonly Metric BrokerCpu = new("broker_cpu_percent", "broker CPU", "% of 1 core", Better.Neither, 0);

    /// <summary>The load generator's own CPU over wall time in the measured interval: what it left of the machine's cores.</summary>
    public static readonly Metric GeneratorCpu = new("generator_cpu_percent", "generator CPU", "% of 1 core", Better.Neither, 0);

    /// <summary>Messages received over messages that should have been received, over the whole run including warm-up.</summary>
    public static readonly Metric Delivered = new("delivered_percent", "delivered", "% of sent", Better.Higher, 2);

    /// <summary>Complete exchanges per second of one client in lock step (publish, delivery, both acknowledgements).</summary>
    public static readonly Metric RoundTripRate = new("round_trips_per_second", "round trips", "/s", Better.Higher, 0);

    /// <summary>Median publish-to-receive latency.</summary>
    public static readonly Metric LatencyMedian = new("latency_p50_us", "latency p50", "µs", Better.Lower, 0);

    /// <summary>99th percentile latency.</summary>
    public static readonly Metric Latency99 = new("latency_p99_us", "latency p99", "µs", Better.Lower, 0);

    /// <summary>99.9th percentile latency.</summary>
    public static readonly Metric Latency999 = new("latency_p999_us", "latency p99.9", "µs", Better.Lower, 0);

    /// <summary>How late the paced sender wrote its messages (99th percentile): the generator's own jitter, not the broker's.</summary>
    public static readonly Metric SenderLag99 = new("sender_lag_p99_us", "sender lag p99 (generator)", "µs", Better.Neither, 0);

    /// <summary>PSS growth per idle connection.</summary>
    public static readonly Metric PssPerConnection = new("pss_per_connection_kb", "memory / connection (PSS)", "KiB", Better.Lower, 1);

    /// <summary>RSS growth per idle connection.</summary>
    public static readonly Metric RssPerConnection = new("rss_per_connection_kb", "memory / connection (RSS)", "KiB", Better.Lower, 1);

    /// <summary>PSS growth per idle connection at the end of the idle window.</summary>
    public static readonly Metric PssPerConnectionAfterIdle = new("pss_per_connection_after_idle_kb", "memory / connection after the idle window (PSS)", "KiB", Better.Lower, 1);

    /// <summary>Broker CPU while every connection is idle.</summary>
    public static readonly Metric IdleCpu = new("idle_cpu_percent", "idle CPU", "% of 1 core", Better.Lower, 2);

    /// <summary>Connections still answering PINGREQ after the idle window.</summary>
    public static readonly Metric ConnectionsAlive = new("connections_alive_percent", "connections alive", "%", Better.Higher, 1);

    /// <summary>Process start to the first accepted MQTT connection.</summary>
    public static readonly Metric StartupTime = new("startup_ms", "process start → CONNACK", "ms", Better.Lower, 0);

    /// <summary>Process start to the first page the web dashboard served (GET / answered 200).</summary>
    public static readonly Metric DashboardStartupTime = new("dashboard_startup_ms", "process start → dashboard HTTP 200", "ms", Better.Lower, 0);

    /// <summary>PSS right after start-up.</summary>
    public static readonly Metric MemoryAtStart = new("pss_at_start_mb", "memory after start (PSS)", "MiB", Better.Lower, 1);

    /// <summary>Median time from TCP connect to CONNACK without TLS.</summary>
    public static readonly Metric PlainConnect = new("plain_connect_ms", "connect → CONNACK, plain (p50)", "ms", Better.Lower, 2);

    /// <summary>Median time from TCP connect through a TLS 1.2 handshake to CONNACK, as a board connects.</summary>
    public static readonly Metric Tls12Connect = new("tls12_connect_ms", "connect → TLS 1.2 → CONNACK (p50)", "ms", Better.Lower, 2);

    /// <summary>Median time from TCP connect through a TLS 1.3 handshake to CONNACK.</summary>
    public static readonly Metric Tls13Connect = new("tls13_connect_ms", "connect → TLS 1.3 → CONNACK (p50)", "ms", Better.Lower, 2);

    /// <summary>All of them, in table order.</summary>
    public static IReadOnlyList<Metric> All { get; } =
    [
        CpuPerMessage, DeliveredRate, RoundTripRate, BrokerCpu, GeneratorCpu, Delivered, LatencyMedian, Latency99, Latency999, SenderLag99,
        PssPerConnection, RssPerConnection, PssPerConnectionAfterIdle, IdleCpu, ConnectionsAlive, StartupTime, DashboardStartupTime, MemoryAtStart,
        PlainConnect, Tls12Connect, Tls13Connect,
    ];
}
