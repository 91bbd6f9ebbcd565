using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Decides that the dashboard is ready the way a browser would: <c>GET /</c> answered with 200. Retries every
/// millisecond from process start, over a plain socket so that no HTTP client's own start-up is timed.
/// </summary>
internal static class DashboardProbe
{
    private const int BufferBytes = 64;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_retryInterval = TimeSpan.FromMilliseconds(1);
    private static readonly byte[] s_request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    private static readonly byte[] s_ok = Encoding.ASCII.GetBytes("HTTP/1.1 200 ");

    /// <summary>Waits until the dashboard on <paramref name="port"/> serves its page; returns the time since <paramref name="startTimestamp"/>.</summary>
    public static Task<TimeSpan> WaitAsync(int port, BrokerProcess process, long startTimestamp, CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(
            () => Wait(port, process, startTimestamp, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static TimeSpan Wait(int port, BrokerProcess process, long startTimestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryGetPage(port))
            {
                return Stopwatch.GetElapsedTime(startTimestamp);
            }

            if (process.HasExited || Stopwatch.GetElapsedTime(startTimestamp) > s_startTimeout)
            {
                throw new TimeoutException($"The dashboard did not answer GET / on port {port} within {s_startTimeout.TotalSeconds} s. The broker's output:{Environment.NewLine}{process.OutputTail}");
            }

            Thread.Sleep(s_retryInterval);
        }
    }

    private static bool TryGetPage(int port)
    {
        try
        {
            using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            socket.Send(s_request);
            byte[] answer = new byte[BufferBytes];
            int length = 0;
            while (length < s_ok.Length)
            {
                int read = socket.Receive(answer, length, answer.Length - length, SocketFlags.None);
                if (read == 0)
                {
                    return false;
                }

                length += read;
            }

            return answer.AsSpan(0, s_ok.Length).SequenceEqual(s_ok);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
