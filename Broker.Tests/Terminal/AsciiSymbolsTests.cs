using System.Text.RegularExpressions;
using Esp32Mqtt.Terminal;

namespace Esp32Mqtt.Broker.Tests.Terminal;

public sealed partial class AsciiSymbolsTests
{
    [Theory]
    [InlineData("'led' ← console: \"on\" (QoS 0) → 2 clients: esp32-a1, esp32-b2", "'led' <- console: \"on\" (QoS 0) -> 2 clients: esp32-a1, esp32-b2")]
    [InlineData("no subscribers for 'Led' — did you mean 'led' (1 subscriber)?", "no subscribers for 'Led' -- did you mean 'led' (1 subscriber)?")]
    [InlineData("\"aaaa…\" (300 bytes)", "\"aaaa...\" (300 bytes)")]
    [InlineData("LED ● on", "LED (*) on")]
    [InlineData("LED ○ off", "LED ( ) off")]
    public void Spells_each_symbol_in_ascii(string text, string expected)
    {
        // Act
        string replaced = AsciiSymbols.Replace(text);

        // Assert
        Assert.Equal(expected, replaced);
    }

    [Theory]
    [InlineData("esp32-a1 connected", "esp32-a1 connected")]
    [InlineData("'grüße' ← console: \"日本\"", "'grüße' <- console: \"日本\"")]
    public void Keeps_all_other_text_as_it_is(string text, string expected)
    {
        // Act
        string replaced = AsciiSymbols.Replace(text);

        // Assert
        Assert.Equal(expected, replaced);
    }

    [Fact]
    public void Has_a_spelling_for_every_symbol_outside_ascii_in_the_programs_text()
    {
        // Arrange: the string literals of the broker, its transport, the simulator and the firmware core, outside comments.
        string[] folders = ["Broker", "Broker.Transport", "Esp32Client.Simulator", Path.Combine("Esp32Client", "Core")];
        IEnumerable<string> sources = folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        // Act
        HashSet<char> seen = [];
        List<string> missing = [];
        foreach (string path in sources)
        {
            foreach (string line in File.ReadLines(path))
            {
                string code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match literal in StringLiteral().Matches(code))
                {
                    foreach (char character in literal.Value.Where(character => !char.IsAscii(character)))
                    {
                        seen.Add(character);
                        if (AsciiSymbols.SpellingOf(character) is null)
                        {
                            missing.Add($"U+{(int)character:X4} '{character}' in {Path.GetFileName(path)}: {code}");
                        }
                    }
                }
            }
        }

        // Assert: the routing line's arrows were seen, so the sources were read.
        Assert.Contains('←', seen);
        Assert.Empty(missing);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "nf.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No nf.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
