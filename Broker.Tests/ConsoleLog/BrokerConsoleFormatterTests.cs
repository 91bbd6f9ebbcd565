using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Terminal;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Esp32Mqtt.Broker.Tests.ConsoleLog;

public sealed class BrokerConsoleFormatterTests
{
    [Theory]
    [InlineData(LogLevel.Information, "12:00:01 esp32-a connected")]
    [InlineData(LogLevel.Warning, "12:00:01 esp32-a connected")]
    [InlineData(LogLevel.Error, "12:00:01 error: esp32-a connected")]
    [InlineData(LogLevel.Debug, "12:00:01 debug [Esp32Mqtt.Broker.Connections]: esp32-a connected")]
    public void Writes_the_time_and_the_message_on_one_line(LogLevel level, string expected)
    {
        // Arrange
        ManualTimeProvider clock = new();
        clock.Advance(TimeSpan.FromSeconds(1));
        BrokerConsoleFormatter formatter = new(clock);
        using StringWriter writer = new();

        // Act
        formatter.Write(Entry(level, "esp32-a connected", exception: null), null, writer);

        // Assert
        Assert.Equal(expected + Environment.NewLine, writer.ToString());
    }

    [Fact]
    public void Gives_the_reason_but_not_the_stack_trace_of_an_exception_above_debug()
    {
        // Arrange
        BrokerConsoleFormatter formatter = new(new ManualTimeProvider());
        using StringWriter writer = new();
        IOException exception = Throw(new IOException("disk full"));

        // Act
        formatter.Write(Entry(LogLevel.Error, "could not save", exception), null, writer);

        // Assert
        Assert.Equal("12:00:00 error: could not save (IOException: disk full)" + Environment.NewLine, writer.ToString());
    }

    [Theory]
    [InlineData(true, "12:00:00 'led' ← console: \"on\" (QoS 0) → 1 client: esp32-a1")]
    [InlineData(false, "12:00:00 'led' <- console: \"on\" (QoS 0) -> 1 client: esp32-a1")]
    public void Writes_the_routing_arrows_as_the_console_can_show_them(bool unicode, string expected)
    {
        // Arrange: a console window switched to UTF-8, or output redirected to a file in a legacy code page.
        BrokerConsoleFormatter formatter = new(new ManualTimeProvider());
        using StringWriter console = new();
        ConsoleCapabilities capabilities = ConsoleCapabilities.Decide(outputRedirected: !unicode, unicode ? 65001 : 850, noColor: null, term: null);
        TextWriter writer = ConsoleSetup.WriterFor(capabilities, console);

        // Act
        formatter.Write(Entry(LogLevel.Information, "'led' ← console: \"on\" (QoS 0) → 1 client: esp32-a1", exception: null), null, writer);

        // Assert
        Assert.Equal(expected + Environment.NewLine, console.ToString());
    }

    private static LogEntry<string> Entry(LogLevel level, string message, Exception? exception)
    {
        return new LogEntry<string>(level, LogCategories.Connections, default, message, exception, (state, _) => state);
    }

    private static T Throw<T>(T exception)
        where T : Exception
    {
        try
        {
            throw exception;
        }
        catch (T caught)
        {
            return caught;
        }
    }
}
