using Esp32Client.Simulator;
using Esp32Client.Simulator.Display;
using Esp32Client.Simulator.Hosting;
using Esp32Mqtt.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The console: UTF-8 in a Windows console window; the LED glyphs spelled in ASCII where the output cannot carry them.
using ConsoleSetup console = ConsoleSetup.Prepare();

// A desktop ESP32: the firmware's own core, with an MQTTnet connection and a console LED.
//   dotnet run --project Esp32Client.Simulator -- [--broker HOST|auto] [--broker-name NAME] [--port 1883] [--id sim-kitchen] [--username U --password P]
//       [--tls --ca-file ca.crt --port 8883]
string[] arguments = SimulatorOptions.ExpandFlags(args);
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = arguments,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddCommandLine(arguments, SimulatorOptions.SwitchMappings);

// The console view prints everything; the host itself stays quiet.
builder.Logging.ClearProviders();
builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
builder.Services.AddSingleton(ConsoleView.ForCurrentConsole(console.Capabilities));
builder.Services.AddHostedService<SimulatedBoardService>();

// Ctrl-C, SIGTERM, or the console window closing disconnect cleanly (status offline).
builder.Services.AddHostedService<ConsoleClosedShutdown>();

return await StartupFailure.RunAsync(builder);
