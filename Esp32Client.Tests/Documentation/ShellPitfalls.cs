namespace Esp32Client.Tests.Documentation;

/// <summary>
/// What makes a command line work in one shell and not in another among PowerShell (Windows PowerShell 5.1
/// included), cmd.exe and bash; a README command must avoid all of it, or show a form for each shell.
/// </summary>
internal static class ShellPitfalls
{
    /// <summary>The pitfalls in <paramref name="command"/>, in words; empty when it works in every shell as written.</summary>
    public static List<string> Find(string command)
    {
        List<string> found = [];
        bool quoted = false;
        for (int index = 0; index < command.Length; index++)
        {
            char character = command[index];
            bool wordStart = index == 0 || command[index - 1] == ' ';
            if (character == '"')
            {
                if (wordStart && index + 1 < command.Length && command[index + 1] == '"')
                {
                    found.Add("an empty argument \"\" (Windows PowerShell 5.1 drops it)");
                }

                quoted = !quoted;
                continue;
            }

            if (quoted)
            {
                continue;
            }

            string? pitfall = character switch
            {
                '\'' when wordStart => "a single-quoted argument (cmd.exe passes the quotes on)",
                '#' when wordStart => "a # comment (cmd.exe passes it on as arguments)",
                '*' or '?' => "an unquoted * or ? (bash expands it to file names)",
                '$' or '`' => "a $ or ` (a variable or escape in bash and PowerShell, not in cmd.exe)",
                '&' or '|' or ';' or '<' or '>' => "a shell operator & | ; < > (each shell reads them differently; && fails in Windows PowerShell 5.1)",
                '~' when wordStart => "a ~ for the home folder (bash only)",
                _ => null,
            };
            if (pitfall is not null && !found.Contains(pitfall, StringComparer.Ordinal))
            {
                found.Add(pitfall);
            }
        }

        if (command.EndsWith('\\') || command.EndsWith('^'))
        {
            found.Add("a line continuation \\ or ^ (each shell has its own)");
        }

        string first = command.Split(' ')[0];
        if (first.Contains('=', StringComparison.Ordinal) || first == "export" || first == "set")
        {
            found.Add("an environment variable set in one shell's syntax");
        }

        return found;
    }
}
