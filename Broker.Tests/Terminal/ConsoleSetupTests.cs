using Esp32Mqtt.Terminal;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Terminal;

/// <summary>The broker as a process, its output redirected (as to a file or a pipe) in the encoding its locale names.</summary>
public sealed class ConsoleSetupTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [SkippableTheory]
    [InlineData("C.UTF-8", "'led' ← console: \"on\" (QoS 0) → 1 client: esp32-a1")]
    [InlineData("en_US.ISO-8859-1", "'led' <- console: \"on\" (QoS 0) -> 1 client: esp32-a1")]
    public async Task Writes_the_routing_line_in_what_the_output_encoding_carries(string locale, string expected)
    {
        // Arrange: .NET takes the output's encoding from the locale's charset on Linux and macOS (LC_ALL first).
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "The output's encoding follows the locale only on Linux and macOS.");
        using BrokerProcess broker = await BrokerProcess.StartWithEnvironmentAsync(
            new Dictionary<string, string?> { ["LC_ALL"] = locale },
            "--port", "0", $"--Broker:DataDirectory={_data.FullPath}");
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("led");

        // Act
        await broker.Process.StandardInput.WriteLineAsync("led on");
        await broker.Process.StandardInput.FlushAsync();

        // Assert
        string line = await broker.Process.WaitForOutputLineAsync(line => line.Contains("console: ", StringComparison.Ordinal), TestTimeouts.Short);
        Assert.EndsWith(" " + expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_through_unchanged_where_the_console_shows_unicode()
    {
        // Arrange
        using StringWriter output = new();
        ConsoleCapabilities capabilities = ConsoleCapabilities.Decide(outputRedirected: false, 65001, noColor: null, term: null);

        // Act
        TextWriter writer = ConsoleSetup.WriterFor(capabilities, output);

        // Assert
        Assert.Same(output, writer);
    }

    public void Dispose()
    {
        _data.Dispose();
    }
}
