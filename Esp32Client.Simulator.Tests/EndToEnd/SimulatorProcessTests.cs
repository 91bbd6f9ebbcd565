using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// What a learner sees from the simulator process itself: failures as one line, the LED as the output can show it, a
/// clean stop on SIGTERM and when its console closes.
/// </summary>
public sealed class SimulatorProcessTests
{
    [Fact]
    public async Task Says_in_one_line_that_nothing_listens_and_retries_with_backoff()
    {
        // Arrange
        int port = FreeTcpPort.Find();
        using SimulatorProcess board = SimulatorProcess.Launch(port, "sim-refused");

        // Act
        await Eventually.UntilAsync(
            () => board.Process.OutputLines.Count(line => line.Contains("Could not reach the broker", StringComparison.Ordinal)) >= 2,
            TestTimeouts.Process,
            "two refused attempts");

        // Assert
        string[] failures = board.Process.OutputLines.Where(line => line.Contains("Could not reach the broker", StringComparison.Ordinal)).ToArray();
        Assert.All(failures, line => Assert.EndsWith($"Could not reach the broker: connection refused by 127.0.0.1:{port}: is the broker running there? (dotnet run --project Broker)", line));
        Assert.Contains(board.Process.OutputLines, line => line.Contains("Retrying in ", StringComparison.Ordinal));
        Assert.DoesNotContain(board.Process.OutputLines.Concat(board.Process.ErrorLines), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_bad_option_with_one_line_and_exit_code_2()
    {
        // Arrange
        using SimulatorProcess board = SimulatorProcess.Launch(1883, "kitchen/1");

        // Act
        await board.Process.WaitForExitAsync(TestTimeouts.Process);

        // Assert
        Assert.Equal(2, board.Process.ExitCode);
        Assert.Equal(["Invalid setting: --id 'kitchen/1' cannot go into a topic: use letters, digits, '-' or '_', e.g. --id sim-kitchen."], board.Process.ErrorLines);
    }

    [SkippableTheory]
    [InlineData("SIGTERM")]
    [InlineData("SIGHUP")]
    public async Task Publishes_offline_and_exits_0_when_asked_to_stop(string signal)
    {
        // Arrange: SIGHUP is what a terminal sends when its window closes, and what .NET raises on Windows for a closed console window.
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(BrokerKind.Ours);
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-stop");
        await using TopicWatcher watcher = await TopicWatcher.StartAsync(broker.Port);
        await watcher.WaitForAsync(board.Topics.Status, "online");

        // Act
        if (signal == "SIGHUP")
        {
            board.Process.HangUp();
        }
        else
        {
            board.Process.Terminate();
        }

        await board.Process.WaitForExitAsync(TestTimeouts.Process);

        // Assert
        Assert.Equal(0, board.Process.ExitCode);
        await watcher.WaitForAsync(board.Topics.Status, "offline");

        // A clean DISCONNECT, not the last will: the broker says so in its own words.
        await Eventually.UntilAsync(() => broker.LogLines.Any(line => line.EndsWith(" sim-stop disconnected", StringComparison.Ordinal)), TestTimeouts.Short, "the broker to log a clean disconnect");
        Assert.DoesNotContain(broker.LogLines, line => line.Contains("sim-stop lost its connection", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("C.UTF-8", "LED ○ off")]
    [InlineData("en_US.ISO-8859-1", "LED ( ) off")]
    public async Task Draws_the_led_in_what_the_output_encoding_carries(string locale, string expected)
    {
        // Arrange: .NET takes the output's encoding from the locale's charset on Linux and macOS (LC_ALL first).
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "The output's encoding follows the locale only on Linux and macOS.");
        string port = FreeTcpPort.Find().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Act
        using ChildProcess board = ChildProcess.Start("dotnet", [SimulatorProcess.DllPath, "--broker", "127.0.0.1", "--port", port, "--id", "sim-glyphs"], new Dictionary<string, string?> { ["LC_ALL"] = locale });

        // Assert
        string line = await board.WaitForOutputLineAsync(line => line.Contains(" LED ", StringComparison.Ordinal), TestTimeouts.Process);
        Assert.EndsWith(" " + expected, line, StringComparison.Ordinal);
    }
}
