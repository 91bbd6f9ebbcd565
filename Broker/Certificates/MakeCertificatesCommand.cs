using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Tls;
using Microsoft.Extensions.Configuration;

namespace Esp32Mqtt.Broker.Certificates;

/// <summary>
/// The <c>make-certificates</c> verb: makes a certificate authority for this PC and the broker's TLS certificate in the
/// data directory, prints the authority's certificate on standard output as the firmware setting takes it, and says on
/// standard error what it made and how boards and clients use it. Files that exist are kept unless <c>--force</c> is
/// given, and even then the authority stays, so boards flashed with it keep working.
/// </summary>
public static class MakeCertificatesCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "make-certificates";

    /// <summary>The switch that makes a new server certificate where one exists.</summary>
    public const string ForceSwitch = "--force";

    private const string DateFormat = "yyyy-MM-dd";
    private const string SettingsFileName = "appsettings.json";

    /// <summary>
    /// Runs the command with its <paramref name="arguments"/> (<c>--force</c>, and the broker's own settings such as
    /// <c>--data PATH</c>) and returns the process exit code. The data directory is found as the broker finds it:
    /// appsettings.json next to Broker.dll, then environment variables, then the command line (Program.cs, step 3).
    /// </summary>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter messages)
    {
        bool force = arguments.Contains(ForceSwitch);
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFileName), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. arguments.Where(argument => argument != ForceSwitch)], CommandLineSwitches.Mappings)
            .Build();
        string dataDirectory = configuration[$"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DataDirectory)}"] ?? new BrokerOptions().DataDirectory;
        return Run(dataDirectory, force, output, messages);
    }

    /// <summary>Runs the command for the data directory <paramref name="dataDirectory"/> and returns the process exit code.</summary>
    public static int Run(string dataDirectory, bool force, TextWriter output, TextWriter messages)
    {
        CertificateFiles files = CertificateFiles.In(dataDirectory);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        ServerNames names = ServerNames.ForThisComputer();
        try
        {
            Directory.CreateDirectory(files.Folder);
            X509Certificate2? authority = LoadAuthority(files, now);
            if (authority is null && files.All.Any(File.Exists) && !force)
            {
                messages.WriteLine($"Certificate files exist in {files.Folder}, but the certificate authority ({Path.GetFileName(files.AuthorityCertificate)} with {Path.GetFileName(files.AuthorityKey)}) is missing, cannot be read or has expired; nothing was changed.");
                messages.WriteLine($"Run the command again with {ForceSwitch} to make a new authority and certificate; boards then need the new authority's certificate.");
                return 1;
            }

            if (authority is not null && File.Exists(files.ServerCertificate) && !force)
            {
                DescribeExisting(files, authority, names, now, messages);
                output.WriteLine(PemFiles.AsFirmwareSetting(authority));
                authority.Dispose();
                return 0;
            }

            bool newAuthority = authority is null;
            if (authority is null)
            {
                authority = LocalCertificateAuthority.Create(names.DnsNames[0], now);
                PemFiles.WritePrivateKey(files.AuthorityKey, authority);
                PemFiles.WriteCertificate(files.AuthorityCertificate, authority);
            }

            using (authority)
            {
                using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, names, now);
                PemFiles.WritePrivateKey(files.ServerKey, server);
                PemFiles.WriteCertificate(files.ServerCertificate, server);
                DescribeMade(files, newAuthority, server, names, messages);
                output.WriteLine(PemFiles.AsFirmwareSetting(authority));
            }

            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            messages.WriteLine($"Cannot write the certificates to {files.Folder}: {exception.Message} Set Broker:DataDirectory to a folder you can write to (--data PATH).");
            return 1;
        }
    }

    /// <summary>The authority with its key, if both files are there, readable, matching and not expired; otherwise null.</summary>
    private static X509Certificate2? LoadAuthority(CertificateFiles files, DateTimeOffset now)
    {
        if (!File.Exists(files.AuthorityCertificate) || !File.Exists(files.AuthorityKey))
        {
            return null;
        }

        try
        {
            X509Certificate2 authority = X509Certificate2.CreateFromPemFile(files.AuthorityCertificate, files.AuthorityKey);
            if (authority.NotAfter.ToUniversalTime() > now.UtcDateTime)
            {
                return authority;
            }

            authority.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static void DescribeMade(CertificateFiles files, bool newAuthority, X509Certificate2 server, ServerNames names, TextWriter messages)
    {
        messages.WriteLine(newAuthority
            ? $"Made a certificate authority for this PC and a TLS certificate for the broker in {files.Folder}:"
            : $"Made a new TLS certificate for the broker in {files.Folder}, signed by the certificate authority already there (boards keep working):");
        messages.WriteLine($"  {Path.GetFileName(files.AuthorityCertificate),-10}  the authority's certificate: give it to boards and clients so they can check the broker");
        messages.WriteLine($"  {Path.GetFileName(files.AuthorityKey),-10}  the authority's private key (only you can read it): it signs the next server certificate");
        messages.WriteLine($"  {Path.GetFileName(files.ServerCertificate),-10}  the broker's certificate for {string.Join(", ", names.All)}; valid until {server.NotAfter.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}");
        messages.WriteLine($"  {Path.GetFileName(files.ServerKey),-10}  the broker's private key (only you can read it)");
        messages.WriteLine($"The broker now also listens for TLS on port {TlsOptions.StandardMqttTlsPort} (restart it if it is running).");
        WriteUsage(files, names, messages);
    }

    private static void DescribeExisting(CertificateFiles files, X509Certificate2 authority, ServerNames names, DateTimeOffset now, TextWriter messages)
    {
        messages.WriteLine($"The certificates exist already in {files.Folder}; nothing was changed.");
        messages.WriteLine($"  {Path.GetFileName(files.AuthorityCertificate),-10}  {authority.Subject}; valid until {authority.NotAfter.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}");
        string? problem = ServerCertificateProblem(files, names, now);
        if (problem is not null)
        {
            messages.WriteLine($"  {Path.GetFileName(files.ServerCertificate),-10}  {problem}: run the command again with {ForceSwitch} for a new one (the authority stays, so boards keep working).");
        }
        else
        {
            messages.WriteLine($"  {Path.GetFileName(files.ServerCertificate),-10}  up to date for this PC's names and addresses. {ForceSwitch} makes a new one all the same.");
        }

        WriteUsage(files, names, messages);
    }

    private static string? ServerCertificateProblem(CertificateFiles files, ServerNames names, DateTimeOffset now)
    {
        X509Certificate2? server;
        try
        {
            server = File.Exists(files.ServerKey) ? PemFiles.ReadCertificate(files.ServerCertificate) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or IOException)
        {
            server = null;
        }

        if (server is null)
        {
            return "missing or unreadable (with its key)";
        }

        using (server)
        {
            if (server.NotAfter.ToUniversalTime() <= now.UtcDateTime)
            {
                return "expired on " + server.NotAfter.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture);
            }

            HashSet<IPAddress> covered = [.. server.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(extension => extension.EnumerateIPAddresses())];
            IPAddress[] missing = [.. names.Addresses.Where(address => !covered.Contains(address))];
            return missing.Length == 0 ? null : $"does not hold {string.Join(", ", missing.Select(address => address.ToString()))} (this PC's address changed?)";
        }
    }

    private static void WriteUsage(CertificateFiles files, ServerNames names, TextWriter messages)
    {
        string host = names.DnsNames[0];
        messages.WriteLine();
        messages.WriteLine($"Board: in Esp32Client/DeviceSettings.cs set BrokerHost to this PC's address (TLS needs it), UseTls = true, BrokerPort = {TlsOptions.StandardMqttTlsPort}, and replace the BrokerCaCertificatePem line with the one printed below.");
        messages.WriteLine($"Simulator: dotnet run --project Esp32Client.Simulator -- --broker localhost --tls --ca-file \"{files.AuthorityCertificate}\" --port {TlsOptions.StandardMqttTlsPort}");
        messages.WriteLine($"Mosquitto's clients: mosquitto_sub --cafile \"{files.AuthorityCertificate}\" -h {host} -p {TlsOptions.StandardMqttTlsPort} -t \"esp32/#\" -v");
        messages.WriteLine();
    }
}
