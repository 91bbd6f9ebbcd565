using Esp32Client.Simulator.Display;
using Esp32Mqtt.Terminal;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class ConsoleViewTests
{
    private readonly StringWriter _output = new();

    [Theory]
    [InlineData(true, "LED ○ off", "LED ● on")]
    [InlineData(false, "LED ( ) off", "LED (*) on")]
    public void Prints_one_line_per_led_change_when_output_is_not_a_terminal(bool unicode, string off, string on)
    {
        // Arrange
        ConsoleView view = new(_output, new ConsoleCapabilities(unicode, Interactive: false, Colour: false));

        // Act
        view.ShowLed(false);
        view.ShowLed(true);
        view.ShowLed(true);
        view.ShowLed(false);

        // Assert
        Assert.Equal([off, on, off], Lines().Select(WithoutTime));
    }

    [Theory]
    [InlineData(true, "LED ● ON")]
    [InlineData(false, "LED (*) ON")]
    public void Redraws_the_led_in_place_below_the_log_on_a_terminal(bool unicode, string ledRow)
    {
        // Arrange
        ConsoleView view = new(_output, new ConsoleCapabilities(unicode, Interactive: true, Colour: false));

        // Act
        view.ShowLed(false);
        view.WriteLine("Connected to the broker.");
        view.ShowLed(true);

        // Assert
        List<string> rows = Render(_output.ToString());
        Assert.Equal(2, rows.Count);
        Assert.EndsWith(" Connected to the broker.", rows[0]);
        Assert.Equal(ledRow, rows[1]);
    }

    [Fact]
    public void Clears_the_whole_ascii_led_before_a_log_line_on_a_terminal()
    {
        // Arrange: "(*)" is three characters wide where "●" is one; an empty log line is shorter than the LED's row.
        ConsoleView view = new(_output, new ConsoleCapabilities(Unicode: false, Interactive: true, Colour: false));
        view.ShowLed(true);

        // Act
        view.WriteLine(string.Empty);

        // Assert
        List<string> rows = Render(_output.ToString());
        Assert.Matches(@"^\d\d:\d\d:\d\d$", rows[0]);
        Assert.Equal("LED (*) ON", rows[1]);
    }

    [Fact]
    public void Stamps_every_log_line_with_the_time()
    {
        // Arrange
        ConsoleView view = new(_output, new ConsoleCapabilities(Unicode: true, Interactive: false, Colour: false));

        // Act
        view.WriteLine("Network link up.");

        // Assert
        Assert.Matches(@"^\d\d:\d\d:\d\d Network link up\.$", Lines().Single());
    }

    private string[] Lines()
    {
        return _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    private static string WithoutTime(string line)
    {
        return line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>
    /// The rows a terminal shows, trailing blanks trimmed: a carriage return goes back to the start of the row and
    /// what follows overwrites it.
    /// </summary>
    private static List<string> Render(string written)
    {
        List<List<char>> rows = [[]];
        int column = 0;
        foreach (char character in written.Replace(Environment.NewLine, "\n", StringComparison.Ordinal))
        {
            if (character == '\n')
            {
                rows.Add([]);
                column = 0;
                continue;
            }

            if (character == '\r')
            {
                column = 0;
                continue;
            }

            List<char> row = rows[^1];
            if (column < row.Count)
            {
                row[column] = character;
            }
            else
            {
                row.Add(character);
            }

            column++;
        }

        return rows.Select(row => new string(row.ToArray()).TrimEnd()).ToList();
    }
}
