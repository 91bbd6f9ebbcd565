using System.Reflection;
using System.Runtime.InteropServices;

// The classic set of the nanoFramework templates (Samples:samples/Blinky/Blinky/Properties/AssemblyInfo.cs).
[assembly: AssemblyTitle("Esp32Client")]
[assembly: AssemblyDescription("ESP32 firmware: the onboard LED driven over MQTT from a broker on your PC.")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("esp32mqtt")]
[assembly: AssemblyCopyright("")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]

// Nothing here is meant for COM.
[assembly: ComVisible(false)]

// The version reported in telemetry is Esp32Client.Core.FirmwareInfo.Version; keep the two in step.
[assembly: AssemblyVersion("1.1.0.0")]
[assembly: AssemblyFileVersion("1.1.0.0")]
