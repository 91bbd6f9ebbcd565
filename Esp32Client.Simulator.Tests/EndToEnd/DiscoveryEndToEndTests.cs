using System.Globalization;
using Esp32Client.Core;
using Esp32Mqtt.TestSupport;
using Esp32Mqtt.TestSupport.Network;
using Xunit.Abstractions;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// The broker and a simulated board with no broker address finding each other over real multicast DNS, on a LAN of
/// two network namespaces (two "PCs"): the board on the other PC or on the broker's own, a robot vacuum that also
/// advertises MQTT (python3-zeroconf), and two of our brokers told apart by name.
/// </summary>
public sealed class DiscoveryEndToEndTests(ITestOutputHelper output)
{
    private const string LookupLinePrefix = "Asked the network for MQTT brokers (DNS-SD): ";
    private static readonly TimeSpan s_quiet = TimeSpan.FromSeconds(1);

    [SkippableFact]
    public async Task A_board_on_another_pc_finds_the_broker_and_follows_its_commands()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory data = new();
        using BrokerProcess broker = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", data.FullPath);

        // Act
        using SimulatorProcess board = SimulatorProcess.LaunchOn(lan.Second, "sim-lan");
        await board.WaitForConnectionsAsync(1);
        await broker.Process.WaitForOutputLineAsync(line => line.Contains("sim-lan subscribed to 'led'", StringComparison.Ordinal), TestTimeouts.Short);
        await broker.Process.StandardInput.WriteLineAsync("led on");
        await broker.Process.StandardInput.FlushAsync();

        // Assert
        await board.WaitForLedAsync(on: true);
        Assert.Contains(board.Process.OutputLines, line => line.EndsWith($"Found the broker 'esp32mqtt on {Environment.MachineName} port {broker.Port}' at {lan.First.Address}:{broker.Port} (esp32mqtt 1.0.0).", StringComparison.Ordinal));
        ReportLookupTime(board, "another PC");
    }

    [SkippableFact]
    public async Task A_board_on_the_brokers_own_pc_finds_it_too()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory data = new();
        using BrokerProcess broker = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", data.FullPath);

        // Act
        using SimulatorProcess board = SimulatorProcess.LaunchOn(lan.First, "sim-same-pc");
        await board.WaitForConnectionsAsync(1);

        // Assert
        await broker.Process.WaitForOutputLineAsync(line => line.Contains("sim-same-pc connected from", StringComparison.Ordinal), TestTimeouts.Short);
        ReportLookupTime(board, "the broker's PC");
    }

    [SkippableFact]
    public async Task Ignores_a_robot_vacuum_advertising_mqtt_and_connects_once_our_broker_is_up()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using ChildProcess vacuum = await PythonZeroconf.AdvertiseAsync(lan.Second, "Robot Vacuum", 1883, "vendor=acme");
        using SimulatorProcess board = SimulatorProcess.LaunchOn(lan.Second, "sim-vacuum");
        await board.Process.WaitForOutputLineAsync(line => line.Contains("No esp32mqtt broker answered", StringComparison.Ordinal), TestTimeouts.Process);

        // Act
        using TemporaryDirectory data = new();
        using BrokerProcess broker = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", data.FullPath);
        await board.WaitForConnectionsAsync(1);

        // Assert
        Assert.Contains(board.Process.OutputLines, line => line.Contains("Ignored 'Robot Vacuum' at 192.0.2.2:1883: its TXT record lacks product=esp32mqtt", StringComparison.Ordinal));
        Assert.DoesNotContain(board.Process.OutputLines, line => line.Contains("Found the broker 'Robot Vacuum'", StringComparison.Ordinal));
        await broker.Process.WaitForOutputLineAsync(line => line.Contains("sim-vacuum connected from", StringComparison.Ordinal), TestTimeouts.Short);
    }

    [SkippableFact]
    public async Task Tells_two_of_our_brokers_apart_by_the_name_it_is_given()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory firstData = new();
        using TemporaryDirectory secondData = new();
        using BrokerProcess first = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", firstData.FullPath);
        using BrokerProcess second = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", secondData.FullPath);
        BrokerProcess wanted = first.Port > second.Port ? first : second;
        BrokerProcess other = wanted == first ? second : first;
        string wantedName = "esp32mqtt on " + Environment.MachineName + " port " + wanted.Port.ToString(CultureInfo.InvariantCulture);
        await BothAnswerAsync(lan);

        // Act
        using SimulatorProcess board = SimulatorProcess.LaunchOn(lan.Second, "sim-named", "--broker-name", wantedName);
        await board.WaitForConnectionsAsync(1);

        // Assert
        await wanted.Process.WaitForOutputLineAsync(line => line.Contains("sim-named connected from", StringComparison.Ordinal), TestTimeouts.Short);
        Assert.DoesNotContain(other.Process.OutputLines, line => line.Contains("sim-named", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Of_two_brokers_takes_the_first_by_name_and_says_how_to_pick_the_other()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory firstData = new();
        using TemporaryDirectory secondData = new();
        using BrokerProcess first = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", firstData.FullPath);
        using BrokerProcess second = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", secondData.FullPath);
        string[] names = [.. new[] { first, second }.Select(broker => "esp32mqtt on " + Environment.MachineName + " port " + broker.Port.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)];
        await BothAnswerAsync(lan);

        // Act
        using SimulatorProcess board = SimulatorProcess.LaunchOn(lan.Second, "sim-first");
        await board.WaitForConnectionsAsync(1);

        // Assert
        Assert.Contains(board.Process.OutputLines, line => line.EndsWith("Found 2 esp32mqtt brokers:", StringComparison.Ordinal));
        Assert.Contains(board.Process.OutputLines, line => line.EndsWith($"Using the first, '{names[0]}'; to use another, set --broker-name to its name.", StringComparison.Ordinal));
    }

    // Both brokers have answered a first question (and compiled their answer path), so that on a loaded machine both
    // answer the board within the time it listens after the first answer, as brokers that have run a while do.
    private static Task BothAnswerAsync(IsolatedLan lan)
    {
        return Eventually.UntilAsync(
            async () => (await PythonZeroconf.AskAsync(lan.Second, BrokerQuery.Build(), s_quiet)).Count >= 2,
            TestTimeouts.Process,
            "both brokers to answer a DNS-SD question");
    }

    // How long the lookup took, as the board logged it: printed for the record (tests do not time things).
    private void ReportLookupTime(SimulatorProcess board, string where)
    {
        string line = board.Process.OutputLines.First(text => text.Contains(LookupLinePrefix, StringComparison.Ordinal));
        output.WriteLine($"Board on {where}: {line[(line.IndexOf(LookupLinePrefix, StringComparison.Ordinal) + LookupLinePrefix.Length)..]}");
    }
}
