using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>The broker as a learner runs it: a real process, its banner, its exit codes and its one-line errors.</summary>
public sealed class BrokerProcessTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [SkippableFact]
    public async Task Prints_the_banner_and_stops_cleanly_on_sigterm()
    {
        // Arrange
        using BrokerProcess broker = await BrokerProcess.StartAsync(DataArguments("--port", "0"));

        // Act
        broker.Process.Terminate();
        await broker.Process.WaitForExitAsync(TestTimeouts.Process);

        // Assert
        Assert.Equal(0, broker.Process.ExitCode);
        Assert.Contains(broker.Process.OutputLines, line => line.StartsWith("esp32mqtt broker (MQTTnet 5.2", StringComparison.Ordinal));
        Assert.Contains(broker.Process.OutputLines, line => line == $"Listening on port {broker.Port} on every network interface (IPv4 and IPv6).");
        Assert.Contains(broker.Process.OutputLines, line => line == $"Retained messages are stored in {Path.Combine(_data.FullPath, "retained.json")}");
        Assert.Contains(broker.Process.OutputLines, line => line.EndsWith(" broker stopped", StringComparison.Ordinal));
        Assert.Empty(broker.Process.ErrorLines);
    }

    [Fact]
    public async Task Listens_on_the_port_given_with_the_short_switch()
    {
        // Arrange
        int port = FreeTcpPort.Find();

        // Act
        using BrokerProcess broker = await BrokerProcess.StartAsync(DataArguments("--port", $"{port}"));

        // Assert
        Assert.Equal(port, broker.Port);
    }

    [Fact]
    public async Task Publishes_lines_typed_on_standard_input_and_keeps_running_after_it_closes()
    {
        // Arrange
        using BrokerProcess broker = await BrokerProcess.StartAsync(DataArguments("--port", "0"));
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("led");

        // Act
        await broker.Process.StandardInput.WriteLineAsync("led on");
        await broker.Process.StandardInput.FlushAsync();
        ReceivedMessage typed = await esp32.WaitForMessageAsync();
        broker.Process.StandardInput.Close();
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await phone.PublishAsync("led", "off");

        // Assert
        Assert.Equal("on", typed.Payload);
        Assert.Equal("off", (await esp32.WaitForMessageAsync()).Payload);
        await broker.Process.WaitForOutputLineAsync(line => line.EndsWith("'led' ← console: \"on\" (QoS 0) → 1 client: esp32-a1", StringComparison.Ordinal), TestTimeouts.Short);
        Assert.False(broker.Process.HasExited);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Reports_a_port_in_use_in_one_line_with_the_fix(TransportKind transport)
    {
        // Arrange
        using Socket occupant = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(new IPEndPoint(IPAddress.Any, 0));
        occupant.Listen();
        int port = ((IPEndPoint)occupant.LocalEndPoint!).Port;

        // Act
        ToolResult result = await RunToExitAsync(DataArguments("--port", $"{port}", $"--Broker:Transport={transport}"));

        // Assert
        AssertOneLineFailure(
            result,
            $"Cannot listen on port {port}: another program is already using it, most likely another MQTT broker such as Mosquitto. "
            + $"Stop that program, or start this broker on another port: dotnet run --project Broker -- --port {port + 1}");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Reports_a_port_taken_by_another_copy_of_this_broker(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker first = await InProcessBroker.StartAsync(transport: transport);

        // Act
        ToolResult result = await RunToExitAsync(DataArguments("--port", $"{first.Port}", $"--Broker:Transport={transport}"));

        // Assert
        AssertOneLineFailure(result, $"Cannot listen on port {first.Port}: another program is already using it, most likely another MQTT broker such as Mosquitto.");
    }

    [SkippableTheory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Reports_a_port_taken_by_mosquitto(TransportKind transport)
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act
        ToolResult result = await RunToExitAsync(DataArguments("--port", $"{mosquitto.Port}", $"--Broker:Transport={transport}"));

        // Assert
        AssertOneLineFailure(result, $"Cannot listen on port {mosquitto.Port}: another program is already using it, most likely another MQTT broker such as Mosquitto.");
    }

    [Theory]
    [InlineData("--Broker:MaxPayloadBytes=0", "Invalid setting: Broker:MaxPayloadBytes is 0; allowed: 1 to 268369919 (bytes). Change it in Broker/appsettings.json, the environment variable Broker__MaxPayloadBytes, or the command line (--Broker:MaxPayloadBytes=...).")]
    [InlineData("--Broker:Port=abc", "Invalid setting: Broker:Port is 'abc', which is not a whole number.")]
    [InlineData("--Broker:Transport=quick", "Invalid setting: Broker:Transport is 'quick', which is not a transport (fast or mqttnet).")]
    [InlineData("--Broker:AllowAnonymous=false", "Invalid setting: Broker:AllowAnonymous is false but Broker:Users is empty, so no client could connect")]
    [InlineData("--Broker:Prot=1884", "Unknown setting Broker:Prot (a typo?). The settings in the \"Broker\" section are: Port, BindAddress, Advertise, AllowAnonymous, Users, DataDirectory, MaxPayloadBytes, MaxPendingMessagesPerClient, PersistentSessionExpiryHours, Transport, ConnectTimeoutSeconds, DashboardPort, DashboardEnabled, Tls.")]
    [InlineData("--Broker:Tls:Prot=8884", "Unknown setting Broker:Tls:Prot (a typo?). The settings in the \"Broker:Tls\" section are: Enabled, Port, CertificateFile, KeyFile.")]
    [InlineData("--tls-port=70000", "Invalid setting: Broker:Tls:Port is 70000; allowed: 0 to 65535 (0 picks any free port). Change it in Broker/appsettings.json, the environment variable Broker__Tls__Port, or the command line (--Broker:Tls:Port=...).")]
    public async Task Reports_an_invalid_setting_in_one_line(string setting, string expected)
    {
        // Act
        ToolResult result = await RunToExitAsync(DataArguments("--port", "0", setting));

        // Assert
        AssertOneLineFailure(result, expected);
    }

    [Fact]
    public async Task Reports_a_tls_port_in_use_in_one_line_with_the_fix()
    {
        // Arrange
        TestCertificates.MakeIn(_data.FullPath);
        using Socket occupant = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(new IPEndPoint(IPAddress.Any, 0));
        occupant.Listen();
        int port = ((IPEndPoint)occupant.LocalEndPoint!).Port;

        // Act
        ToolResult result = await RunToExitAsync(DataArguments("--port", "0", "--tls-port", $"{port}"));

        // Assert
        AssertOneLineFailure(
            result,
            $"Cannot listen on port {port}: another program is already using it, most likely another MQTT broker such as Mosquitto. "
            + $"Stop that program, or start this broker on another port: dotnet run --project Broker -- --tls-port {port + 1}");
    }

    [Theory]
    [InlineData("a certificate file that is not PEM", "The TLS certificate file {certificate} holds no certificate")]
    [InlineData("no key file", "The TLS private key file {key} does not exist. Make the certificates with: dotnet run --project Broker -- make-certificates")]
    [InlineData("an expired certificate", "The TLS certificate in {certificate} expired on 2022-04-05: clients would refuse it.")]
    [InlineData("TLS required without certificates", "The TLS certificate file {certificate} does not exist.")]
    public async Task Reports_a_bad_tls_certificate_in_one_line(string what, string expected)
    {
        // Arrange
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        List<string> arguments = ["--port", "0", "--tls-port", "0"];
        if (what != "TLS required without certificates")
        {
            TestCertificates.MakeIn(_data.FullPath);
        }

        switch (what)
        {
            case "a certificate file that is not PEM":
                await File.WriteAllTextAsync(files.ServerCertificate, "not a certificate");
                break;
            case "no key file":
                File.Delete(files.ServerKey);
                break;
            case "an expired certificate":
                DateTimeOffset longAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using (X509Certificate2 authority = LocalCertificateAuthority.Create("test", longAgo))
                using (X509Certificate2 expired = LocalCertificateAuthority.IssueServerCertificate(authority, ServerNames.ForThisComputer(), longAgo))
                {
                    PemFiles.WriteCertificate(files.ServerCertificate, expired);
                    PemFiles.WritePrivateKey(files.ServerKey, expired);
                }

                break;
            default:
                arguments.Add("--Broker:Tls:Enabled=true");
                break;
        }

        // Act
        ToolResult result = await RunToExitAsync(DataArguments([.. arguments]));

        // Assert
        AssertOneLineFailure(result, expected.Replace("{certificate}", files.ServerCertificate, StringComparison.Ordinal).Replace("{key}", files.ServerKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_a_malformed_settings_file_in_one_line()
    {
        // Arrange
        using TemporaryDirectory copy = new();
        BrokerProcess.CopyTo(copy.FullPath);
        await File.WriteAllTextAsync(copy.Combine("appsettings.json"), "{ \"Broker\": { \"Port\": 1883, } ");

        // Act
        using ChildProcess process = BrokerProcess.LaunchFrom(copy.FullPath, DataArguments("--port", "0"));
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Process);
        ToolResult result = new(process.ExitCode, string.Join('\n', process.OutputLines), string.Join('\n', process.ErrorLines), TimedOut: false);

        // Assert
        AssertOneLineFailure(result, $"Cannot read the settings file {copy.Combine("appsettings.json")}:");
        Assert.Contains("Fix the JSON in Broker/appsettings.json", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    private static async Task<ToolResult> RunToExitAsync(string[] arguments)
    {
        using ChildProcess process = BrokerProcess.Launch(arguments);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Process);
        return new ToolResult(process.ExitCode, string.Join('\n', process.OutputLines), string.Join('\n', process.ErrorLines), TimedOut: false);
    }

    private static void AssertOneLineFailure(ToolResult result, string expectedStart)
    {
        Assert.True(result.ExitCode != 0, result.ToString());
        string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    private string[] DataArguments(params string[] arguments)
    {
        return [.. arguments, $"--Broker:DataDirectory={_data.FullPath}"];
    }
}
