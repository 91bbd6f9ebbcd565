using System.Text;

namespace Esp32Mqtt.Broker.Security;

/// <summary>
/// The <c>hash-password</c> verb: reads a password (without echo at a terminal, one line when input is redirected),
/// prints its hash alone on standard output, and says on standard error where to put it.
/// </summary>
public static class HashPasswordCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "hash-password";

    /// <summary>Runs the command and returns the process exit code.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter messages, bool inputIsTerminal)
    {
        string? password;
        if (inputIsTerminal)
        {
            password = PasswordPrompt.Read(messages, "Password: ");
            string repeated = PasswordPrompt.Read(messages, "Repeat password: ");
            if (password != repeated)
            {
                messages.WriteLine("The two passwords differ; nothing was hashed. Run the command again.");
                return 1;
            }
        }
        else
        {
            password = input.ReadLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            messages.WriteLine("No password given; nothing was hashed.");
            return 1;
        }

        string hash = PasswordHasher.Hash(Encoding.UTF8.GetBytes(password)).ToString();
        output.WriteLine(hash);
        messages.WriteLine();
        messages.WriteLine("Add a user with this hash to the \"Broker\" section of Broker/appsettings.json, for example:");
        messages.WriteLine($"  \"Users\": [ {{ \"UserName\": \"esp32\", \"PasswordHash\": \"{hash}\" }} ]");
        messages.WriteLine("Clients must then send that user name and password; set \"AllowAnonymous\": true to let others in too.");
        return 0;
    }
}
