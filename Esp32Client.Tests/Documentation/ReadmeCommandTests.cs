using Esp32Client.Tests.TypeCheck;

namespace Esp32Client.Tests.Documentation;

/// <summary>Every command the READMEs give works as written in PowerShell, cmd.exe and bash.</summary>
public sealed class ReadmeCommandTests
{
    [Theory]
    [InlineData("dotnet run --project Broker -- --Broker:DataDirectory=./data")]
    [InlineData("mosquitto_sub -t \"esp32/#\" -v")]
    [InlineData("mosquitto_pub -t \"homeassistant/light/esp32-a1b2c3/config\" -r -n")]
    [InlineData("dotnet run -c Release --project Esp32Client.Benchmarks -- --filter \"*\" --job short")]
    [InlineData("netsh advfirewall firewall add rule name=\"esp32mqtt broker\" dir=in action=allow profile=private protocol=TCP localport=1883,8080")]
    [InlineData("nanoff --update --target ESP32_REV0 --serialport COM3 --networkdeployment wifi.json")]
    public void Passes_a_command_that_works_in_every_shell(string command)
    {
        // Act
        List<string> pitfalls = ShellPitfalls.Find(command);

        // Assert
        Assert.Empty(pitfalls);
    }

    [Theory]
    [InlineData("mosquitto_sub -t 'esp32/#' -v", "a single-quoted argument")]
    [InlineData("dotnet run --project Broker -- --quick  # one short repetition", "a # comment")]
    [InlineData("dotnet run --project Broker -- \\", "a line continuation")]
    [InlineData("dotnet run -- --filter *", "an unquoted * or ?")]
    [InlineData("dotnet build && dotnet test", "a shell operator")]
    [InlineData("dotnet run --project Broker -- --Broker:DataDirectory=$HOME/data", "a $ or `")]
    [InlineData("mosquitto_pub -t led -m \"\"", "an empty argument")]
    [InlineData("Broker__Port=1884 dotnet run --project Broker", "an environment variable")]
    [InlineData("dotnet run --project Broker -- --data ~/esp32", "a ~ for the home folder")]
    public void Finds_what_one_shell_reads_differently(string command, string expected)
    {
        // Act
        List<string> pitfalls = ShellPitfalls.Find(command);

        // Assert
        Assert.Contains(pitfalls, pitfall => pitfall.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_commands_from_plain_fences_and_inline_code_but_not_from_output_or_one_shell_blocks()
    {
        // Arrange
        string markdown = string.Join('\n',
            "Run `dotnet run --project Broker`, then look at `led`.",
            "```",
            "mosquitto_pub -t led -m on",
            "```",
            "```text",
            "12:00:01 'led' <- console: \"on\"",
            "```",
            "```powershell",
            "Get-NetFirewallRule -DisplayName 'x' | Format-Table",
            "```");

        // Act
        List<(int Line, string Command)> commands = [.. MarkdownCommands.Read(markdown)];

        // Assert
        Assert.Equal([(1, "dotnet run --project Broker"), (3, "mosquitto_pub -t led -m on")], commands);
    }

    [Fact]
    public void Finds_no_pitfall_in_any_readme_command()
    {
        // Arrange
        IEnumerable<string> markdownFiles = Directory.EnumerateFiles(RepositoryLayout.Root, "*.md", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj" or ".git" or "node_modules"));

        // Act
        List<string> problems = [];
        int commandCount = 0;
        foreach (string path in markdownFiles)
        {
            foreach ((int line, string command) in MarkdownCommands.Read(File.ReadAllText(path)))
            {
                commandCount++;
                problems.AddRange(ShellPitfalls.Find(command).Select(pitfall => $"{Path.GetRelativePath(RepositoryLayout.Root, path)}:{line}: {command}: {pitfall}"));
            }
        }

        // Assert: the quick start's own command was read, so the files were.
        Assert.True(commandCount > 10, $"only {commandCount} commands found");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
