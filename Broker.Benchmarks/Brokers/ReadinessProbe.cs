using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Decides that a broker is ready the way a client would: a TCP connect plus an accepting CONNACK. Retries every
/// millisecond from process start, so the measured start-up time is accurate to about 1 ms.
/// </summary>
internal static class ReadinessProbe
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_retryInterval = TimeSpan.FromMilliseconds(1);

    /// <summary>Waits until the broker on <paramref name="port"/> accepts an MQTT connection; returns the time since <paramref name="startTimestamp"/>.</summary>
    public static Task<TimeSpan> WaitAsync(string brokerName, int port, BrokerProcess process, long startTimestamp, CancellationToken cancellationToken)
    {
        // A dedicated thread: Thread.Sleep(1) keeps a 1 ms cadence, where a timer-based delay would be coarser.
        return Task.Factory.StartNew(
            () => Wait(brokerName, port, process, startTimestamp, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static TimeSpan Wait(string brokerName, int port, BrokerProcess process, long startTimestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryHandshake(port))
            {
                return Stopwatch.GetElapsedTime(startTimestamp);
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"{brokerName} exited during start-up. Its output:{Environment.NewLine}{process.OutputTail}");
            }

            if (Stopwatch.GetElapsedTime(startTimestamp) > s_startTimeout)
            {
                throw new TimeoutException($"{brokerName} did not accept an MQTT connection on port {port} within {s_startTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{process.OutputTail}");
            }

            Thread.Sleep(s_retryInterval);
        }
    }

    private static bool TryHandshake(int port)
    {
        try
        {
            MqttConnection.Close(MqttConnection.Connect(port, ClientIds.Probe));
            return true;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }
}
