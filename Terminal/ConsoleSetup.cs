using System.Text;

namespace Esp32Mqtt.Terminal;

/// <summary>
/// Readies this process's console, once at start, for the symbols our programs print. A Windows console window starts
/// in the system's OEM code page (437, 850...), which has no arrows or circles: it is switched to UTF-8, and back when
/// the program ends. Where the output still cannot carry them (redirected to a file or a pipe in a legacy code page,
/// or a service with no console at all), standard output and error spell them in ASCII. Lines typed into a Windows
/// console window are read as UTF-16, so that letters outside the console's code page reach the program whole.
/// </summary>
internal sealed class ConsoleSetup : IDisposable
{
    private readonly Encoding? _encodingToRestore;

    private ConsoleSetup(ConsoleCapabilities capabilities, Encoding? encodingToRestore)
    {
        Capabilities = capabilities;
        _encodingToRestore = encodingToRestore;
    }

    /// <summary>What the console can show, after the setup.</summary>
    public ConsoleCapabilities Capabilities { get; }

    /// <summary>Sets the console up; call before anything is written, and dispose when the program ends.</summary>
    public static ConsoleSetup Prepare()
    {
        // Only a console window's code page is ours to change: a redirected output's reader (PowerShell, a log file's
        // viewer) decodes it in the code page it expects, which stays as it is.
        Encoding? previous = OperatingSystem.IsWindows() && !Console.IsOutputRedirected ? TrySwitchToUtf8() : null;
        if (OperatingSystem.IsWindows() && !Console.IsInputRedirected)
        {
            // UTF-16 makes .NET read with ReadConsoleW (ConsolePal.Windows.cs, .NET 10), which hands over what was typed
            // whatever the console's input code page, and changes nothing in the console. Read as bytes in that code page,
            // letters outside it are lost, and in code page 65001 the Windows 10 console returns NUL for each of them.
            _ = TrySetEncoding(SetInputEncoding, Encoding.Unicode);
        }

        ConsoleCapabilities capabilities = ConsoleCapabilities.Decide(
            Console.IsOutputRedirected,
            Console.OutputEncoding.CodePage,
            Environment.GetEnvironmentVariable("NO_COLOR"),
            Environment.GetEnvironmentVariable("TERM"));
        if (!capabilities.Unicode)
        {
            Console.SetOut(WriterFor(capabilities, Console.Out));
            Console.SetError(WriterFor(capabilities, Console.Error));
        }

        return new ConsoleSetup(capabilities, previous);
    }

    /// <summary><paramref name="output"/> itself where the console shows Unicode, else a writer that spells the symbols in ASCII.</summary>
    public static TextWriter WriterFor(ConsoleCapabilities capabilities, TextWriter output)
    {
        return capabilities.Unicode ? output : new AsciiSymbolWriter(output);
    }

    /// <summary>Gives the console window its code page back.</summary>
    public void Dispose()
    {
        if (_encodingToRestore is not null)
        {
            _ = TrySetEncoding(SetOutputEncoding, _encodingToRestore);
        }
    }

    private static Encoding? TrySwitchToUtf8()
    {
        Encoding previous = Console.OutputEncoding;
        if (previous.CodePage == Encoding.UTF8.CodePage)
        {
            return null;
        }

        // SetConsoleOutputCP (ConsolePal.Windows.cs, .NET 10): it fails, and .NET throws, where there is no console to
        // switch; the code page read back afterwards then says what the output carries.
        return TrySetEncoding(SetOutputEncoding, Encoding.UTF8) ? previous : null;
    }

    private static void SetOutputEncoding(Encoding encoding)
    {
        Console.OutputEncoding = encoding;
    }

    private static void SetInputEncoding(Encoding encoding)
    {
        Console.InputEncoding = encoding;
    }

    private static bool TrySetEncoding(Action<Encoding> set, Encoding encoding)
    {
        try
        {
            set(encoding);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
