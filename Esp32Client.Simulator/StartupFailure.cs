using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esp32Client.Simulator;

/// <summary>Turns a bad setting into one clear line and exit code 2, instead of a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>Exit code for settings that cannot work.</summary>
    public const int InvalidSettingsExitCode = 2;

    /// <summary>Builds and runs the host; returns the process exit code.</summary>
    public static async Task<int> RunAsync(HostApplicationBuilder builder)
    {
        try
        {
            using IHost host = builder.Build();
            await host.RunAsync();
            return 0;
        }
        catch (OptionsValidationException exception)
        {
            foreach (string failure in exception.Failures)
            {
                Console.Error.WriteLine("Invalid setting: " + failure);
            }

            return InvalidSettingsExitCode;
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException format)
        {
            // A value that does not convert, e.g. --port abc.
            Console.Error.WriteLine("Invalid setting: " + format.Message);
            return InvalidSettingsExitCode;
        }
    }
}
