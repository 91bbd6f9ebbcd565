namespace Esp32Client.Tests.TypeCheck;

/// <summary>
/// The enum values Esp32Client/NANOFRAMEWORK.md records under "## Enum values": one "### Name" heading per enum, then a
/// table of member and value.
/// </summary>
internal static class DocumentedEnums
{
    /// <summary>The notes' file name, in the firmware's folder.</summary>
    public const string FileName = "NANOFRAMEWORK.md";

    private const string SectionHeading = "## Enum values";
    private const string EnumHeadingPrefix = "### ";

    /// <summary>Each enum's members and values, in the order written, read from <paramref name="markdown"/>.</summary>
    public static Dictionary<string, List<(string Member, long Value)>> Parse(string markdown)
    {
        Dictionary<string, List<(string Member, long Value)>> enums = new(StringComparer.Ordinal);
        List<(string Member, long Value)>? current = null;
        bool inSection = false;
        foreach (string rawLine in markdown.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line == SectionHeading;
                current = null;
            }
            else if (inSection && line.StartsWith(EnumHeadingPrefix, StringComparison.Ordinal))
            {
                current = [];
                enums.Add(line[EnumHeadingPrefix.Length..].Trim(), current);
            }
            else if (current is not null && TryParseRow(line, out string member, out long value))
            {
                current.Add((member, value));
            }
        }

        return enums;
    }

    private static bool TryParseRow(string line, out string member, out long value)
    {
        string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
        member = cells.Length == 4 ? cells[1] : string.Empty;
        value = 0;
        return cells.Length == 4 && cells[0].Length == 0 && cells[3].Length == 0 && long.TryParse(cells[2], out value);
    }
}
