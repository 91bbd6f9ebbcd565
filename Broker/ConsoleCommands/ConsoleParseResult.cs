namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>The result of parsing one console line: a command, a usage error, or nothing (a blank line).</summary>
/// <param name="Command">The command, when the line was valid.</param>
/// <param name="Error">What is wrong with the line, when it was not.</param>
public sealed record ConsoleParseResult(ConsoleCommand? Command, string? Error)
{
    /// <summary>A blank line: nothing to do, nothing to complain about.</summary>
    public static ConsoleParseResult Nothing { get; } = new(null, null);

    /// <summary>A valid command.</summary>
    public static ConsoleParseResult Of(ConsoleCommand command)
    {
        return new ConsoleParseResult(command, null);
    }

    /// <summary>A line that is not valid, with the reason.</summary>
    public static ConsoleParseResult Invalid(string error)
    {
        return new ConsoleParseResult(null, error);
    }
}
