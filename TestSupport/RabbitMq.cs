namespace Esp32Mqtt.TestSupport;

/// <summary>
/// Finds Debian's RabbitMQ (package rabbitmq-server), the clustered broker nobody here wrote that the device contract is
/// also run against. A missing program skips the test with the install command, except when <c>CI=true</c>
/// (<see cref="RequiredProgram"/>).
/// </summary>
public static class RabbitMq
{
    /// <summary>The broker's start script.</summary>
    public const string ServerProgram = "rabbitmq-server";

    /// <summary>The Debian package with the broker and its MQTT plugin.</summary>
    public const string Package = "rabbitmq-server";

    /// <summary>Erlang's port mapper (package erlang-base, which rabbitmq-server depends on).</summary>
    public const string PortMapperProgram = "epmd";

    /// <summary>
    /// Debian's script that starts a node as whoever runs it. The rabbitmq-server on PATH (/usr/sbin) is a wrapper that,
    /// run as root, switches to the rabbitmq user (rabbitmq-script-wrapper), who could not read the test's folders.
    /// </summary>
    private const string DebianServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private static readonly string[] s_erlangDirectories = ["/usr/lib/erlang/bin"];

    /// <summary>The start script; skips (or, with CI=true, fails) the test when RabbitMQ is not installed.</summary>
    public static string RequireServer()
    {
        return File.Exists(DebianServerScript)
            ? DebianServerScript
            : RequiredProgram.Require(ServerProgram, Package, "RabbitMQ", RequiredProgram.FailInsteadOfSkip, []);
    }

    /// <summary>The port mapper; skips (or, with CI=true, fails) the test when it is missing.</summary>
    public static string RequirePortMapper()
    {
        return RequiredProgram.Require(PortMapperProgram, Package, "RabbitMQ", RequiredProgram.FailInsteadOfSkip, s_erlangDirectories);
    }
}
