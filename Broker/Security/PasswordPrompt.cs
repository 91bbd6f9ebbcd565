using System.Text;

namespace Esp32Mqtt.Broker.Security;

/// <summary>Reads a password typed at a terminal without showing it.</summary>
public static class PasswordPrompt
{
    /// <summary>Prompts on <paramref name="prompts"/> and reads one line from the keyboard without echo.</summary>
    public static string Read(TextWriter prompts, string prompt)
    {
        prompts.Write(prompt);
        StringBuilder password = new();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
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
