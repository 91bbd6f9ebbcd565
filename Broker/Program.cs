using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Dashboard;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// 0. The console: UTF-8 in a Windows console window; the arrows spelled in ASCII where the output cannot carry them.
using ConsoleSetup console = ConsoleSetup.Prepare();

// 1. "hash-password" makes a password hash for appsettings.json, "make-certificates" the TLS certificates in the data
//    directory; neither needs a broker.
if (args is [HashPasswordCommand.Verb, ..])
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, inputIsTerminal: !Console.IsInputRedirected);
}

if (args is [MakeCertificatesCommand.Verb, .. string[] certificateArguments])
{
    return MakeCertificatesCommand.Run(certificateArguments, Console.Out, Console.Error);
}

// 2. Socket completions on the socket event threads, before the first socket exists (SocketCompletions says why).
SocketCompletions.RunInline();

try
{
    // 3. Settings: appsettings.json next to Broker.dll, then environment variables (Broker__Port),
    //    then the command line (--Broker:Port=1884, or the short --port 1884).
    HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddCommandLine(args, CommandLineSwitches.Mappings);

    // 4. The broker's services, its web dashboard (and MQTT over WebSockets), and log lines a person can read.
    builder.AddBroker();
    builder.AddDashboard();
    builder.Logging.AddBrokerConsole();

    // 5. Run until Ctrl-C, SIGTERM, or the console window closes.
    builder.Services.AddHostedService<ConsoleClosedShutdown>();
    using IHost host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupFailure.TryExplain(exception, out IReadOnlyList<string>? lines))
{
    // 6. A known start-up failure: what is wrong and how to fix it, without a stack trace.
    foreach (string line in lines)
    {
        Console.Error.WriteLine(line);
    }

    return 1;
}
