namespace Esp32Mqtt.TestSupport;

/// <summary>
/// Finds Debian's Mosquitto programs (the real peers the interoperability tests run against) and runs them.
/// A missing program skips the test with the install command, except when <c>CI=true</c> (<see cref="RequiredProgram"/>).
/// </summary>
public static class Mosquitto
{
    /// <summary>The broker program (package mosquitto).</summary>
    public const string BrokerProgram = "mosquitto";

    /// <summary>The publishing client (package mosquitto-clients).</summary>
    public const string PublishProgram = "mosquitto_pub";

    /// <summary>The subscribing client (package mosquitto-clients).</summary>
    public const string SubscribeProgram = "mosquitto_sub";

    // Debian installs the broker in /usr/sbin, which is not on an ordinary user's PATH; Mosquitto's Windows installer
    // puts the programs in a folder of their own under Program Files and does not add it to PATH.
    private static readonly string[] s_extraDirectories = OperatingSystem.IsWindows()
        ? [Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "mosquitto")]
        : ["/usr/sbin", "/usr/local/sbin"];

    /// <summary>The full path of a Mosquitto program; skips (or, with CI=true, fails) the test when it is missing.</summary>
    public static string Require(string program)
    {
        return Require(program, RequiredProgram.FailInsteadOfSkip);
    }

    /// <summary>The full path of a Mosquitto program; when it is missing, fails the test or skips it with the install command.</summary>
    public static string Require(string program, bool failInsteadOfSkip)
    {
        return RequiredProgram.Require(program, program == BrokerProgram ? "mosquitto" : "mosquitto-clients", "Mosquitto", failInsteadOfSkip, s_extraDirectories);
    }

    /// <summary>Runs <c>mosquitto_pub</c> against a loopback port with the given extra arguments (its defaults otherwise).</summary>
    public static Task<ToolResult> PublishAsync(int port, params string[] arguments)
    {
        return CommandLineTool.RunAsync(Require(PublishProgram), ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments], TestTimeouts.Process);
    }

    /// <summary>Starts <c>mosquitto_sub</c> against a loopback port; the caller waits for its output and disposes it.</summary>
    public static ChildProcess StartSubscriber(int port, params string[] arguments)
    {
        return ChildProcess.Start(Require(SubscribeProgram), ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments]);
    }

    /// <summary>
    /// Starts a Mosquitto broker on a free loopback port, with a TLS listener on another when given the certificates
    /// make-certificates made, and waits until it accepts connections.
    /// </summary>
    public static Task<MosquittoBroker> StartBrokerAsync(Broker.Certificates.CertificateFiles? certificates = null)
    {
        return MosquittoBroker.StartAsync(Require(BrokerProgram), certificates);
    }
}
