using System.Text.RegularExpressions;

namespace Esp32Client.Tests.Documentation;

/// <summary>
/// The command lines a reader copies out of a Markdown file: every line of a fenced block without a language (a block
/// of output is fenced as <c>text</c>, one for a single shell as <c>powershell</c>, <c>cmd</c> or <c>bash</c>), and every
/// inline code span that starts with a program the READMEs tell the reader to run.
/// </summary>
internal static partial class MarkdownCommands
{
    private const string Fence = "```";

    private static readonly string[] s_programs = ["dotnet", "nanoff", "mosquitto_pub", "mosquitto_sub", "mosquitto", "git", "netsh"];

    /// <summary>Each command in <paramref name="markdown"/> with its line number.</summary>
    public static IEnumerable<(int Line, string Command)> Read(string markdown)
    {
        string[] lines = markdown.Split('\n');
        string? fenceLanguage = null;
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index].TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith(Fence, StringComparison.Ordinal))
            {
                fenceLanguage = fenceLanguage is null ? trimmed[Fence.Length..].Trim() : null;
                continue;
            }

            if (fenceLanguage is not null)
            {
                if (fenceLanguage.Length == 0 && trimmed.Length > 0)
                {
                    yield return (index + 1, trimmed);
                }

                continue;
            }

            foreach (Match span in InlineCode().Matches(line))
            {
                string code = span.Groups[1].Value.Trim();
                string program = code.Split(' ')[0];
                if (code.Contains(' ', StringComparison.Ordinal) && s_programs.Contains(program, StringComparer.Ordinal))
                {
                    yield return (index + 1, code);
                }
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();
}
