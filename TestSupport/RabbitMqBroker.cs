using System.Diagnostics;
using System.Globalization;
using Esp32Mqtt.Broker.Certificates;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// A RabbitMQ node with its MQTT plugin, kept apart from any RabbitMQ on the machine: its own node name, folders,
/// configuration, plugin list and Erlang cookie in a temporary folder, and its own ports, found free: MQTT, MQTT over TLS
/// (with the certificates make-certificates made), Erlang distribution, and a port mapper (epmd) of its own, started
/// first and stopped last. No AMQP listener. Anonymous MQTT clients log in as <see cref="UserName"/>; a client that
/// gives a name must give its password.
/// </summary>
public sealed class RabbitMqBroker : IDisposable
{
    /// <summary>The one user, made at the node's first start (rabbitmq.conf default_user).</summary>
    public const string UserName = "esp32";

    /// <summary>Its password.</summary>
    public const string Password = "rabbit-led-on";

    /// <summary>A node's first start takes about 12 s on this project's 2-core machine (schema, plugins, Raft election).</summary>
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(120);

    private const int StartAttempts = 3;

    private readonly string _serverScript;
    private readonly TemporaryDirectory _directory;
    private readonly ChildProcess _portMapper;
    private readonly Dictionary<string, string?> _environment;
    private ChildProcess? _node;

    private RabbitMqBroker(string serverScript, TemporaryDirectory directory, ChildProcess portMapper, Dictionary<string, string?> environment, int port, int tlsPort, CertificateFiles certificates)
    {
        _serverScript = serverScript;
        _directory = directory;
        _portMapper = portMapper;
        _environment = environment;
        Port = port;
        TlsPort = tlsPort;
        Certificates = certificates;
    }

    /// <summary>The loopback port for MQTT.</summary>
    public int Port { get; }

    /// <summary>The loopback port for MQTT over TLS.</summary>
    public int TlsPort { get; }

    /// <summary>The certificates its TLS listener serves.</summary>
    public CertificateFiles Certificates { get; }

    /// <summary>How long the last start took until both MQTT ports accepted connections.</summary>
    public TimeSpan LastStartTime { get; private set; }

    /// <summary>The node's log so far (it logs to standard output).</summary>
    public IReadOnlyList<string> LogLines => _node is null ? [] : [.. _node.OutputLines, .. _node.ErrorLines];

    /// <summary>Starts a node and waits until it accepts MQTT connections on both ports; retries on other ports if one was taken meanwhile.</summary>
    public static async Task<RabbitMqBroker> StartAsync()
    {
        string serverScript = RabbitMq.RequireServer();
        string portMapper = RabbitMq.RequirePortMapper();
        for (int attempt = 1; ; attempt++)
        {
            RabbitMqBroker broker = await PrepareAsync(serverScript, portMapper).ConfigureAwait(false);
            try
            {
                await broker.StartNodeAsync().ConfigureAwait(false);
                return broker;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                broker.Dispose();
            }
        }
    }

    /// <summary>Stops the node cleanly (SIGTERM, as a service manager does) and starts it again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        await StopNodeAsync().ConfigureAwait(false);
        await StartNodeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            StopNodeAsync().GetAwaiter().GetResult();
        }
        finally
        {
            _node?.Dispose();
            _portMapper.Dispose();
            _directory.Dispose();
        }
    }

    private static async Task<RabbitMqBroker> PrepareAsync(string serverScript, string portMapperProgram)
    {
        TemporaryDirectory directory = new();
        int port = FreeTcpPort.Find();
        int tlsPort = FreeTcpPort.Find();
        int distributionPort = FreeTcpPort.Find();
        int portMapperPort = FreeTcpPort.Find();
        CertificateFiles certificates = TestCertificates.MakeIn(directory.Combine("data"));
        string home = Directory.CreateDirectory(directory.Combine("home")).FullName;
        string configuration = directory.Combine("rabbitmq.conf");
        await File.WriteAllTextAsync(configuration, string.Create(CultureInfo.InvariantCulture, $"""
            listeners.tcp = none
            default_user = {UserName}
            default_pass = {Password}
            mqtt.listeners.tcp.default = 127.0.0.1:{port}
            mqtt.listeners.ssl.default = 127.0.0.1:{tlsPort}
            mqtt.allow_anonymous = true
            mqtt.default_user = {UserName}
            mqtt.default_pass = {Password}
            ssl_options.cacertfile = {certificates.AuthorityCertificate}
            ssl_options.certfile = {certificates.ServerCertificate}
            ssl_options.keyfile = {certificates.ServerKey}
            ssl_options.verify = verify_none
            ssl_options.fail_if_no_peer_cert = false
            ssl_options.versions.1 = tlsv1.3
            ssl_options.versions.2 = tlsv1.2
            """)).ConfigureAwait(false);
        string plugins = directory.Combine("enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[rabbitmq_mqtt].").ConfigureAwait(false);
        string environmentFile = directory.Combine("rabbitmq-env.conf");
        await File.WriteAllTextAsync(environmentFile, string.Empty).ConfigureAwait(false);

        // The variables of rabbitmq-env (RabbitMQ 3.10), each pointing away from the machine's own node and its files.
        Dictionary<string, string?> environment = new()
        {
            ["HOME"] = home,
            ["ERL_EPMD_PORT"] = portMapperPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_NODENAME"] = $"esp32mqtt-test-{Environment.ProcessId}-{port}@localhost",
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_CONF_ENV_FILE"] = environmentFile,
            ["RABBITMQ_CONFIG_FILE"] = configuration,
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = directory.Combine("advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["RABBITMQ_MNESIA_BASE"] = directory.Combine("mnesia"),
            ["RABBITMQ_LOG_BASE"] = directory.Combine("log"),
            ["RABBITMQ_PID_FILE"] = directory.Combine("rabbitmq.pid"),
            ["RABBITMQ_LOGS"] = "-",
        };

        // epmd in the foreground, so it ends with this broker; the node finds it through ERL_EPMD_PORT.
        ChildProcess portMapper = ChildProcess.Start(portMapperProgram, ["-port", portMapperPort.ToString(CultureInfo.InvariantCulture)]);
        await Eventually.UntilAsync(async () => portMapper.HasExited || await FreeTcpPort.AcceptsConnectionsAsync(portMapperPort).ConfigureAwait(false), TestTimeouts.Process, $"epmd on port {portMapperPort}").ConfigureAwait(false);
        return new RabbitMqBroker(serverScript, directory, portMapper, environment, port, tlsPort, certificates);
    }

    private async Task StartNodeAsync()
    {
        Stopwatch started = Stopwatch.StartNew();
        _node = ChildProcess.Start(_serverScript, [], _environment);
        ChildProcess node = _node;
        await Eventually.UntilAsync(
            async () => node.HasExited || (await FreeTcpPort.AcceptsConnectionsAsync(Port).ConfigureAwait(false) && await FreeTcpPort.AcceptsConnectionsAsync(TlsPort).ConfigureAwait(false)),
            s_startLimit,
            $"RabbitMQ to accept MQTT connections on ports {Port} and {TlsPort}").ConfigureAwait(false);
        if (node.HasExited)
        {
            throw new InvalidOperationException($"RabbitMQ exited with code {node.ExitCode} while starting: {string.Join(Environment.NewLine, LogLines.TakeLast(30))}");
        }

        LastStartTime = started.Elapsed;
    }

    private async Task StopNodeAsync()
    {
        if (_node is null || _node.HasExited)
        {
            return;
        }

        _node.Terminate();
        try
        {
            await _node.WaitForExitAsync(TestTimeouts.Process).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            await _node.KillAsync().ConfigureAwait(false);
        }

        _node.Dispose();
        _node = null;
    }
}
