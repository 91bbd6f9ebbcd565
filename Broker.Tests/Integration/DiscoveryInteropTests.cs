using System.Globalization;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;
using Esp32Mqtt.TestSupport.Network;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// Our broker advertising itself to a multicast DNS peer nobody here wrote, Debian's python3-zeroconf, across a LAN
/// of two network namespaces: the broker on one "PC", the browser on the other.
/// </summary>
public sealed class DiscoveryInteropTests
{
    private static readonly TimeSpan s_browseFor = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task Python_zeroconf_finds_our_broker_with_its_address_port_and_txt_record()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory data = new();
        using BrokerProcess broker = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", data.FullPath);

        // Act
        using ChildProcess browser = PythonZeroconf.Browse(lan.Second, s_browseFor);
        string found = await browser.WaitForOutputLineAsync(line => line.StartsWith("found|", StringComparison.Ordinal), TestTimeouts.Process);

        // Assert
        string[] fields = found.Split('|');
        string port = broker.Port.ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"esp32mqtt on {Environment.MachineName} port {port}._mqtt._tcp.local.", fields[1]);
        Assert.Equal(port, fields[2]);
        Assert.Equal(lan.First.Address, fields[3]);
        Assert.Equal(["product=esp32mqtt", "txtvers=1", "users=optional", "version=1.0.0"], fields[4].Split(';').Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Python_zeroconf_sees_our_broker_leave_when_it_stops()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory data = new();
        using BrokerProcess broker = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", data.FullPath);
        using ChildProcess browser = PythonZeroconf.Browse(lan.Second, s_browseFor);
        await browser.WaitForOutputLineAsync(line => line.StartsWith("found|", StringComparison.Ordinal), TestTimeouts.Process);

        // Act
        broker.Process.Terminate();
        string removed = await browser.WaitForOutputLineAsync(line => line.StartsWith("removed|", StringComparison.Ordinal), TestTimeouts.Short);

        // Assert
        Assert.StartsWith("removed|esp32mqtt on ", removed, StringComparison.Ordinal);
        await broker.Process.WaitForExitAsync(TestTimeouts.Process);
        Assert.Equal(0, broker.Process.ExitCode);
    }

    [SkippableFact]
    public async Task Says_in_the_txt_record_that_users_are_required_when_anonymous_clients_are_refused()
    {
        // Arrange
        using IsolatedLan lan = await IsolatedLan.CreateAsync();
        using TemporaryDirectory data = new();
        using BrokerProcess broker = await BrokerProcess.StartOnAsync(lan.First, "--port", "0", "--data", data.FullPath,
            "--Broker:AllowAnonymous=false", "--Broker:Users:0:UserName=esp32", "--Broker:Users:0:PasswordHash=" + PasswordHasher.Hash("led-on"u8, iterations: 1_000));

        // Act
        using ChildProcess browser = PythonZeroconf.Browse(lan.Second, s_browseFor);
        string found = await browser.WaitForOutputLineAsync(line => line.StartsWith("found|", StringComparison.Ordinal), TestTimeouts.Process);

        // Assert
        Assert.Contains("users=required", found.Split('|')[4].Split(';'));
    }
}
