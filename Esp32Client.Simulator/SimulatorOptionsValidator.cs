using Esp32Client.Simulator.Networking;
using Microsoft.Extensions.Options;

namespace Esp32Client.Simulator;

/// <summary>Checks the simulator's settings at start, naming the switch, the bad value and what is allowed.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Broker))
        {
            failures.Add("--broker is empty: give the broker's host name or address, e.g. --broker localhost, or leave it out to find the broker on the network.");
        }

        if (options.BrokerName.Length > 0 && !options.FindsBroker)
        {
            failures.Add($"--broker-name picks among the brokers found on the network, but --broker {options.Broker} names one already: give one or the other.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"--port {options.Port} is not a TCP port: use 1 to 65535 (the broker's default is 1883).");
        }

        if (options.Id.Length > 0 && (options.Id.IndexOfAny(['/', '+', '#']) >= 0 || options.Id.Any(char.IsWhiteSpace)))
        {
            failures.Add($"--id '{options.Id}' cannot go into a topic: use letters, digits, '-' or '_', e.g. --id sim-kitchen.");
        }

        if (options.Password.Length > 0 && options.Username.Length == 0)
        {
            failures.Add("--password was given without --username: MQTT sends a password only with a user name.");
        }

        if (options.TelemetrySeconds < 1)
        {
            failures.Add($"--telemetry-seconds {options.TelemetrySeconds} must be at least 1.");
        }

        if (options.Tls && options.FindsBroker)
        {
            failures.Add("--tls needs the broker's address, e.g. --broker localhost: a broker found on the network is reached on its plain MQTT port.");
        }

        if (options.CaFile.Length > 0)
        {
            CheckCaFile(failures, options);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCaFile(List<string> failures, SimulatorOptions options)
    {
        if (!options.Tls)
        {
            failures.Add("--ca-file was given without --tls: the certificate authority checks the broker only over TLS (add --tls --port 8883).");
            return;
        }

        if (!File.Exists(options.CaFile))
        {
            failures.Add($"--ca-file {options.CaFile} does not exist: give the broker's CA certificate (our broker's make-certificates writes data/certificates/ca.crt).");
            return;
        }

        if (BrokerCertificateCheck.ReadAuthorities(options.CaFile) is null)
        {
            failures.Add($"--ca-file {options.CaFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the broker's CA certificate.");
        }
    }
}
