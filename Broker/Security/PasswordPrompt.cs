using System.Text;

namespace Esp32Mqtt.Broker.Security;

/// <summary>Reads a password typed at a terminal without showing it.</summary>
public static class PasswordPrompt
{
    /// <summary>Prompts on <paramref name="prompts"/> and reads one line from the keyboard without echo.</summary>
    public static string Read(TextWriter prompts, string prompt)
    {
        // Key by key, since reading a line would show it as typed. Console.ReadKey with intercept shows nothing on Windows
        // (ReadConsoleInput never echoes) nor on Linux and macOS (.NET turns the terminal's echo off while it reads).
        return Read(prompts, prompt, () => Console.ReadKey(intercept: true));
    }

    /// <summary>Prompts on <paramref name="prompts"/> and reads keys from <paramref name="readKey"/> up to Enter.</summary>
    public static string Read(TextWriter prompts, string prompt, Func<ConsoleKeyInfo> readKey)
    {
        prompts.Write(prompt);
        StringBuilder password = new();
        while (true)
        {
            ConsoleKeyInfo key = readKey();
            if (key.Key == ConsoleKey.Enter)
            {
                prompts.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
