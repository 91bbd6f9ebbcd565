namespace Esp32Mqtt.TestSupport;

/// <summary>Upper bounds for waits in tests; generous for a loaded 2-core CI machine, never a fixed sleep.</summary>
public static class TestTimeouts
{
    /// <summary>For anything that normally takes milliseconds: a message arriving, a log line appearing.</summary>
    public static readonly TimeSpan Short = TimeSpan.FromSeconds(10);

    /// <summary>For starting or stopping a process, or a command-line tool run.</summary>
    public static readonly TimeSpan Process = TimeSpan.FromSeconds(30);
}
