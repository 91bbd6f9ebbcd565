using System.Globalization;
using System.Net;
using Esp32Mqtt.Broker.Security;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Configuration;

/// <summary>Checks <see cref="BrokerOptions"/> at start; each message names the key, the bad value and what is allowed.</summary>
public sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    private const int HighestPort = 65_535;
    private const int MostPendingMessages = 1_000_000;
    private const int LongestConnectTimeoutSeconds = 3_600;
    private const int LongestSessionExpiryHours = 87_600;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        List<string> failures = [];
        CheckRange(failures, nameof(BrokerOptions.Port), options.Port, 0, HighestPort, "0 picks any free port");
        CheckBindAddress(failures, options.BindAddress);
        CheckRange(
            failures,
            nameof(BrokerOptions.MaxPayloadBytes),
            options.MaxPayloadBytes,
            1,
            BrokerOptions.LargestMqttPacketBytes - BrokerOptions.PacketHeaderAllowanceBytes,
            "bytes");
        CheckRange(failures, nameof(BrokerOptions.MaxPendingMessagesPerClient), options.MaxPendingMessagesPerClient, 1, MostPendingMessages, "messages");
        CheckRange(failures, nameof(BrokerOptions.ConnectTimeoutSeconds), options.ConnectTimeoutSeconds, 1, LongestConnectTimeoutSeconds, "seconds");
        CheckRange(failures, nameof(BrokerOptions.PersistentSessionExpiryHours), options.PersistentSessionExpiryHours, 1, LongestSessionExpiryHours, "hours; 168 is a week");
        CheckDashboardPort(failures, options);
        CheckDataDirectory(failures, options.DataDirectory);
        CheckUsers(failures, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property)
    {
        return $"{BrokerOptions.SectionName}:{property}";
    }

    private static void CheckRange(List<string> failures, string property, int value, int lowest, int highest, string note)
    {
        if (value < lowest || value > highest)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Key(property)} is {value}; allowed: {lowest} to {highest} ({note})"));
        }
    }

    private static void CheckBindAddress(List<string> failures, string? bindAddress)
    {
        if (bindAddress != BrokerOptions.AllInterfaces && !IPAddress.TryParse(bindAddress, out _))
        {
            failures.Add(
                $"{Key(nameof(BrokerOptions.BindAddress))} is '{bindAddress}'; allowed: '{BrokerOptions.AllInterfaces}' "
                + "(every interface) or one IP address of this computer, such as 127.0.0.1 or 192.168.1.20");
        }
    }

    private static void CheckDashboardPort(List<string> failures, BrokerOptions options)
    {
        CheckRange(failures, nameof(BrokerOptions.DashboardPort), options.DashboardPort, 0, HighestPort, "0 picks any free port");
        if (options.DashboardEnabled && options.DashboardPort != 0 && options.DashboardPort == options.Port)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Key(nameof(BrokerOptions.DashboardPort))} is {options.DashboardPort}, the same as {Key(nameof(BrokerOptions.Port))}; "
                + $"allowed: another port, such as {BrokerOptions.DefaultDashboardPort}, or {Key(nameof(BrokerOptions.DashboardEnabled))} false"));
        }
    }

    private static void CheckDataDirectory(List<string> failures, string? dataDirectory)
    {
        string key = Key(nameof(BrokerOptions.DataDirectory));
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            failures.Add($"{key} is empty; allowed: a folder path, such as 'data'");
            return;
        }

        if (dataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{key} is '{dataDirectory}', which contains characters not allowed in a path");
        }
    }

    private static void CheckUsers(List<string> failures, BrokerOptions options)
    {
        string usersKey = Key(nameof(BrokerOptions.Users));
        HashSet<string> seen = new(StringComparer.Ordinal);
        for (int index = 0; index < options.Users.Count; index++)
        {
            BrokerUser user = options.Users[index];
            string userKey = $"{usersKey}:{index}";
            if (string.IsNullOrEmpty(user.UserName))
            {
                failures.Add($"{userKey}:{nameof(BrokerUser.UserName)} is empty; allowed: the user name clients send");
            }
            else if (!seen.Add(user.UserName))
            {
                failures.Add($"{userKey}:{nameof(BrokerUser.UserName)} is '{user.UserName}', which is listed twice; allowed: each user once");
            }

            if (!PasswordHash.TryParse(user.PasswordHash, out _, out string? error))
            {
                failures.Add(
                    $"{userKey}:{nameof(BrokerUser.PasswordHash)} of user '{user.UserName}' is not valid: {error}; "
                    + "make one with: dotnet run --project Broker -- hash-password");
            }
        }

        if (options.AllowAnonymous == false && options.Users.Count == 0)
        {
            failures.Add(
                $"{Key(nameof(BrokerOptions.AllowAnonymous))} is false but {usersKey} is empty, so no client could connect; "
                + "allowed: add a user (dotnet run --project Broker -- hash-password) or set AllowAnonymous to true");
        }
    }
}
