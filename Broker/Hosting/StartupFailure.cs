using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>Turns the exceptions a broker can fail to start with into lines that say what is wrong and how to fix it.</summary>
public static partial class StartupFailure
{
    private const string SettingsFile = "Broker/appsettings.json";

    /// <summary>Explains a start-up failure; false for an unexpected exception, which is a bug to report with its stack trace.</summary>
    public static bool TryExplain(Exception exception, [NotNullWhen(true)] out IReadOnlyList<string>? lines)
    {
        lines = Explain(Unwrap(exception));
        return lines is not null;
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }

    private static IReadOnlyList<string>? Explain(Exception exception)
    {
        switch (exception)
        {
            case BrokerStartupException or ListenerException:
                return [exception.Message];
            case OptionsValidationException validation:
                return [.. validation.Failures.Select(ExplainInvalidSetting)];
            case InvalidDataException when exception.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal):
                string detail = Innermost(exception).Message;
                return [$"Cannot read the settings file {QuotedPath(exception.Message)}: {detail} Fix the JSON in {SettingsFile} (a missing comma, quote or brace?), or restore it with: git checkout {SettingsFile}"];
            case InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match:
                string key = match.Groups["key"].Value;
                return [$"Invalid setting: {key} is '{match.Groups["value"].Value}', which is not a {FriendlyType(match.Groups["type"].Value)}. {WhereToFix(key)}"];
            case InvalidOperationException when UnknownSettings().Match(exception.Message) is { Success: true } match:
                (string section, Type options) = match.Groups["type"].Value == typeof(TlsOptions).FullName
                    ? ($"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Tls)}", typeof(TlsOptions))
                    : (BrokerOptions.SectionName, typeof(BrokerOptions));
                string unknown = string.Join(", ", match.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => $"{section}:{n.Trim('\'')}"));
                string known = string.Join(", ", options.GetProperties().Where(p => p.CanWrite).Select(p => p.Name));
                return [$"Unknown setting {unknown} (a typo?). The settings in the \"{section}\" section are: {known}."];
            default:
                return null;
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string ExplainInvalidSetting(string failure)
    {
        string key = failure.Split(' ', 2)[0];
        return $"Invalid setting: {failure}. {WhereToFix(key)}";
    }

    private static string WhereToFix(string key)
    {
        return $"Change it in {SettingsFile}, the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}, or the command line (--{key}=...).";
    }

    private static string QuotedPath(string message)
    {
        int start = message.IndexOf('\'', StringComparison.Ordinal);
        int end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : SettingsFile;
    }

    private static string FriendlyType(string typeName)
    {
        return typeName switch
        {
            "System.Int32" => "whole number",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
            _ when typeName == typeof(TransportKind).FullName => "transport (fast or mqttnet)",
            _ => typeName,
        };
    }

    // Microsoft.Extensions.Configuration.Binder: "Failed to convert configuration value 'abc' at 'Broker:Port' to type 'System.Int32'."
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    // Microsoft.Extensions.Configuration.Binder with ErrorOnUnknownConfiguration: "... were not found on the instance of ...: 'Prot', 'Foo'"
    [GeneratedRegex(@"properties were not found on the instance of (?<type>[^:]+(BrokerOptions|TlsOptions)): (?<names>.+)$")]
    private static partial Regex UnknownSettings();
}
