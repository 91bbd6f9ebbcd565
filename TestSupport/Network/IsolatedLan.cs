using System.Globalization;
using Xunit;

namespace Esp32Mqtt.TestSupport.Network;

/// <summary>
/// Two "PCs" on one LAN, made for a test out of two Linux network namespaces joined by a veth pair: each has its
/// loopback and one card, an address in 192.0.2.0/24 (TEST-NET-1, RFC 5737) and a route for multicast, and nothing
/// else. Multicast DNS works between them as on a real LAN and reaches no other network. Needs root and iproute2's
/// <c>ip</c>: elsewhere the test is skipped with the reason, and fails instead where <c>CI=true</c>. Deleted on dispose.
/// </summary>
public sealed class IsolatedLan : IDisposable
{
    private const string IpProgram = "/usr/bin/ip";
    private const string CardName = "lan0";
    private const string MulticastRange = "224.0.0.0/4";
    private static int s_created;

    private IsolatedLan(LanHost first, LanHost second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The first PC (192.0.2.1).</summary>
    public LanHost First { get; }

    /// <summary>The second PC (192.0.2.2).</summary>
    public LanHost Second { get; }

    /// <summary>Makes the LAN, or skips the test (fails it where CI=true) when this machine cannot.</summary>
    public static async Task<IsolatedLan> CreateAsync()
    {
        bool failInsteadOfSkip = Environment.GetEnvironmentVariable("CI") == "true";
        string? missing = !OperatingSystem.IsLinux() ? "network namespaces need Linux"
            : !File.Exists(IpProgram) ? "ip not found: apt-get install iproute2"
            : !Environment.IsPrivilegedProcess ? "creating network namespaces needs root"
            : null;
        if (missing is not null)
        {
            Skip.If(!failInsteadOfSkip, missing);
            throw new InvalidOperationException($"{missing} (CI=true, so this test fails instead of skipping)");
        }

        string prefix = string.Create(CultureInfo.InvariantCulture, $"esp32mqtt-{Environment.ProcessId}-{Interlocked.Increment(ref s_created)}");
        IsolatedLan lan = new(new LanHost(prefix + "-a", "192.0.2.1"), new LanHost(prefix + "-b", "192.0.2.2"));
        try
        {
            await lan.BuildAsync().ConfigureAwait(false);
            return lan;
        }
        catch (InvalidOperationException exception)
        {
            lan.Dispose();
            Skip.If(!failInsteadOfSkip, exception.Message);
            throw;
        }
    }

    /// <summary>Starts a program on <paramref name="host"/>, inside its network namespace.</summary>
    public static ChildProcess Start(LanHost host, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // ip netns exec replaces itself with the program, so the child is the program itself.
        return ChildProcess.Start(IpProgram, ["netns", "exec", host.Namespace, fileName, .. arguments], environment);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Deleting a namespace deletes its end of the veth pair, and with it the other end.
        foreach (LanHost host in new[] { First, Second })
        {
            using ChildProcess delete = ChildProcess.Start(IpProgram, ["netns", "delete", host.Namespace]);
            delete.WaitForExitAsync(TestTimeouts.Process).GetAwaiter().GetResult();
        }
    }

    private async Task BuildAsync()
    {
        await IpAsync("netns", "add", First.Namespace).ConfigureAwait(false);
        await IpAsync("netns", "add", Second.Namespace).ConfigureAwait(false);
        await IpAsync("link", "add", CardName, "netns", First.Namespace, "type", "veth", "peer", "name", CardName, "netns", Second.Namespace).ConfigureAwait(false);
        foreach (LanHost host in new[] { First, Second })
        {
            await IpAsync("-n", host.Namespace, "link", "set", "lo", "up").ConfigureAwait(false);
            await IpAsync("-n", host.Namespace, "address", "add", host.Address + "/24", "dev", CardName).ConfigureAwait(false);
            await IpAsync("-n", host.Namespace, "link", "set", CardName, "up").ConfigureAwait(false);
            await IpAsync("-n", host.Namespace, "route", "add", MulticastRange, "dev", CardName).ConfigureAwait(false);
        }
    }

    private static async Task IpAsync(params string[] arguments)
    {
        ToolResult result = await CommandLineTool.RunAsync(IpProgram, arguments, TestTimeouts.Process).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError.Trim()}");
        }
    }
}
