using Esp32Mqtt.Terminal;

namespace Esp32Mqtt.Broker.Tests.Terminal;

public sealed class AsciiSymbolWriterTests
{
    private readonly StringWriter _output = new();

    [Fact]
    public void Spells_the_symbols_in_ascii_however_the_text_is_written()
    {
        // Arrange
        using AsciiSymbolWriter writer = new(_output);

        // Act
        writer.Write('←');
        writer.Write(" a → b ".ToCharArray(), 0, 7);
        writer.Write("— ".AsSpan());
        writer.WriteLine("LED ●");
        writer.WriteLine();

        // Assert
        Assert.Equal("<- a -> b -- LED (*)" + Environment.NewLine + Environment.NewLine, _output.ToString());
    }

    [Fact]
    public void Passes_a_flush_through()
    {
        // Arrange
        using FlushCounter probe = new();
        using AsciiSymbolWriter writer = new(probe);

        // Act
        writer.Write("on");
        writer.Flush();

        // Assert
        Assert.Equal(1, probe.Flushes);
    }

    private sealed class FlushCounter : StringWriter
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
        }
    }
}
