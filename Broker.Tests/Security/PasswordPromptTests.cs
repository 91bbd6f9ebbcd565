using Esp32Mqtt.Broker.Security;

namespace Esp32Mqtt.Broker.Tests.Security;

public sealed class PasswordPromptTests
{
    private readonly StringWriter _prompts = new();

    [Fact]
    public void Reads_the_keys_up_to_enter_and_shows_only_the_prompt()
    {
        // Arrange
        Queue<ConsoleKeyInfo> keys = Typed("led-on", Enter);

        // Act
        string password = PasswordPrompt.Read(_prompts, "Password: ", keys.Dequeue);

        // Assert
        Assert.Equal("led-on", password);
        Assert.Equal("Password: " + Environment.NewLine, _prompts.ToString());
        Assert.Empty(keys);
    }

    [Fact]
    public void Removes_the_last_character_on_backspace_and_ignores_other_control_keys()
    {
        // Arrange
        Queue<ConsoleKeyInfo> keys = Typed("ab", Backspace, "c", Tab, Escape, Backspace, Backspace, Backspace, "d", Enter);

        // Act
        string password = PasswordPrompt.Read(_prompts, "Password: ", keys.Dequeue);

        // Assert
        Assert.Equal("d", password);
    }

    [Fact]
    public void Keeps_letters_outside_ascii_as_typed()
    {
        // Arrange: a German keyboard, and AltGr+Q for '@' on Windows (Ctrl and Alt both down).
        Queue<ConsoleKeyInfo> keys = Typed("grüße", new ConsoleKeyInfo('@', ConsoleKey.Q, shift: false, alt: true, control: true), Enter);

        // Act
        string password = PasswordPrompt.Read(_prompts, "Password: ", keys.Dequeue);

        // Assert
        Assert.Equal("grüße@", password);
    }

    private static ConsoleKeyInfo Enter => new('\r', ConsoleKey.Enter, shift: false, alt: false, control: false);

    private static ConsoleKeyInfo Backspace => new('\b', ConsoleKey.Backspace, shift: false, alt: false, control: false);

    private static ConsoleKeyInfo Tab => new('\t', ConsoleKey.Tab, shift: false, alt: false, control: false);

    private static ConsoleKeyInfo Escape => new('\u001b', ConsoleKey.Escape, shift: false, alt: false, control: false);

    private static Queue<ConsoleKeyInfo> Typed(params object[] input)
    {
        Queue<ConsoleKeyInfo> keys = new();
        foreach (object item in input)
        {
            if (item is ConsoleKeyInfo key)
            {
                keys.Enqueue(key);
                continue;
            }

            foreach (char character in (string)item)
            {
                keys.Enqueue(new ConsoleKeyInfo(character, ConsoleKey.NoName, shift: false, alt: false, control: false));
            }
        }

        return keys;
    }
}
