using System.Globalization;
using Xunit;

namespace Esp32Mqtt.TestSupport.Network;

/// <summary>
/// Debian's python3-zeroconf, a multicast DNS peer that nobody here wrote, run inside an <see cref="IsolatedLan"/>
/// host: it advertises services, browses for them, or asks one question and prints the raw answers. Debian's own
/// Python is used (<c>/usr/bin/python3</c>): another python3 may come first on PATH without the package. Missing, it
/// skips the test with the install command, or fails it where <c>CI=true</c>.
/// </summary>
public static class PythonZeroconf
{
    private const string Python = "/usr/bin/python3";
    private const string InstallHint = "python3-zeroconf not found: apt-get install python3-zeroconf";

    // Registers one service on the host's address, says "registered", and says goodbye when its input closes.
    private const string AdvertiseScript = """
        import socket, sys
        from zeroconf import ServiceInfo, Zeroconf
        address, name, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
        properties = dict(entry.split("=", 1) for entry in sys.argv[4:])
        zc = Zeroconf(interfaces=[address])
        info = ServiceInfo("_mqtt._tcp.local.", name + "._mqtt._tcp.local.", addresses=[socket.inet_aton(address)],
                           port=port, properties=properties, server="robot-vacuum.local.")
        zc.register_service(info)
        print("registered", flush=True)
        sys.stdin.read()
        zc.unregister_service(info)
        zc.close()
        """;

    // Browses _mqtt._tcp for a while; prints each service found as "found|name|port|addresses|key=value;...".
    private const string BrowseScript = """
        import sys, time
        from zeroconf import ServiceBrowser, ServiceListener, Zeroconf
        class Listener(ServiceListener):
            def add_service(self, zc, kind, name):
                info = zc.get_service_info(kind, name, 3000)
                if info is None:
                    print("unresolved|" + name, flush=True)
                    return
                text = ";".join(k.decode() + "=" + (v or b"").decode() for k, v in info.properties.items())
                print("|".join(["found", name, str(info.port), ",".join(info.parsed_addresses()), text]), flush=True)
            def update_service(self, zc, kind, name):
                pass
            def remove_service(self, zc, kind, name):
                print("removed|" + name, flush=True)
        zc = Zeroconf(interfaces=[sys.argv[1]])
        browser = ServiceBrowser(zc, "_mqtt._tcp.local.", Listener())
        time.sleep(float(sys.argv[2]))
        zc.close()
        """;

    // Sends one query from an ephemeral port and prints every answer as "address port hex" until it goes quiet.
    private const string AskScript = """
        import socket, sys
        query = bytes.fromhex(sys.argv[1])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
        s.bind(("0.0.0.0", 0))
        s.sendto(query, ("224.0.0.251", 5353))
        s.settimeout(float(sys.argv[2]))
        try:
            while True:
                data, (address, port) = s.recvfrom(9000)
                print(address, port, data.hex(), flush=True)
        except socket.timeout:
            pass
        """;

    /// <summary>Advertises <paramref name="name"/> as an MQTT broker on <paramref name="host"/> and waits until it is registered.</summary>
    public static async Task<ChildProcess> AdvertiseAsync(LanHost host, string name, int port, params string[] text)
    {
        ChildProcess process = Run(host, AdvertiseScript, [host.Address, name, port.ToString(CultureInfo.InvariantCulture), .. text]);
        try
        {
            await process.WaitForOutputLineAsync(line => line == "registered", TestTimeouts.Process).ConfigureAwait(false);
            return process;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Starts browsing for MQTT brokers from <paramref name="host"/> for <paramref name="duration"/>; read its "found|..." lines.</summary>
    public static ChildProcess Browse(LanHost host, TimeSpan duration)
    {
        return Run(host, BrowseScript, [host.Address, duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>Sends <paramref name="query"/> from <paramref name="host"/> to the multicast DNS group and returns the answers that come within <paramref name="quiet"/> of each other.</summary>
    public static async Task<IReadOnlyList<byte[]>> AskAsync(LanHost host, byte[] query, TimeSpan quiet)
    {
        using ChildProcess process = Run(host, AskScript, [Convert.ToHexString(query), quiet.TotalSeconds.ToString(CultureInfo.InvariantCulture)]);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Process).ConfigureAwait(false);
        return [.. process.OutputLines.Select(line => Convert.FromHexString(line.Split(' ')[2]))];
    }

    private static ChildProcess Run(LanHost host, string script, IEnumerable<string> arguments)
    {
        Require();
        return IsolatedLan.Start(host, Python, ["-c", script, .. arguments]);
    }

    private static void Require()
    {
        if (File.Exists(Python) && Directory.Exists("/usr/lib/python3/dist-packages/zeroconf"))
        {
            return;
        }

        Skip.If(Environment.GetEnvironmentVariable("CI") != "true", InstallHint);
        throw new InvalidOperationException(InstallHint + " (CI=true, so this test fails instead of skipping)");
    }
}
