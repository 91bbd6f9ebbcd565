using System.Globalization;
using Esp32Mqtt.Broker.Configuration;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>Checks the <c>Broker:Tls</c> settings at start, as <see cref="BrokerOptionsValidator"/> checks the others.</summary>
public sealed class TlsOptionsValidator : IValidateOptions<BrokerOptions>
{
    private const int HighestPort = 65_535;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        List<string> failures = [];
        TlsOptions tls = options.Tls;
        string portKey = Key(nameof(TlsOptions.Port));
        if (tls.Port is < 0 or > HighestPort)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{portKey} is {tls.Port}; allowed: 0 to {HighestPort} (0 picks any free port)"));
        }
        else if (tls.Port != 0 && tls.Port == options.Port && tls.Enabled != false)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{portKey} is {tls.Port}, the port of plain MQTT (Broker:Port) too; allowed: another port, usually {TlsOptions.StandardMqttTlsPort}"));
        }

        if (tls.KeyFile.Length > 0 && tls.CertificateFile.Length == 0)
        {
            failures.Add(
                $"{Key(nameof(TlsOptions.KeyFile))} is '{tls.KeyFile}' but {Key(nameof(TlsOptions.CertificateFile))} is empty; "
                + "allowed: both (a certificate of your own), or neither (the files make-certificates wrote)");
        }

        CheckPath(failures, nameof(TlsOptions.CertificateFile), tls.CertificateFile);
        CheckPath(failures, nameof(TlsOptions.KeyFile), tls.KeyFile);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property)
    {
        return $"{BrokerOptions.SectionName}:{TlsOptions.SectionName}:{property}";
    }

    private static void CheckPath(List<string> failures, string property, string path)
    {
        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Key(property)} is '{path}', which contains characters not allowed in a path");
        }
    }
}
