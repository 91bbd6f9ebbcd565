using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Cli;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>Builds or finds our broker, finds Mosquitto, and reads their versions.</summary>
internal static class BrokerSetup
{
    private const string NotRun = "not run";
    private const string GivenBuild = "given with --broker-dll";

    /// <summary>
    /// The brokers <paramref name="options"/> asks for; throws with a clear message when one is missing. With our broker
    /// in the run, its make-certificates makes the TLS certificates both serve; Mosquitto alone has no TLS listener.
    /// </summary>
    public static PreparedBrokers Prepare(BenchmarkOptions options, BrokerSettings settings, TextWriter log)
    {
        List<IBrokerUnderTest> brokers = [];
        BenchmarkCertificates? certificates = null;
        string mqttNetVersion = NotRun;
        string mosquittoVersion = NotRun;
        string revision = NotRun;
        if (options.Brokers != BrokerSelection.Mosquitto)
        {
            string? root = options.BrokerDll is null ? RepositoryRoot.Find() : null;
            revision = root is null ? GivenBuild : OurBrokerBuild.DescribeRevision(root);
            string brokerDll = options.BrokerDll is null ? BuildOurs(log) : Path.GetFullPath(options.BrokerDll);
            if (!File.Exists(brokerDll))
            {
                throw new FileNotFoundException($"Broker.dll not found at {brokerDll}.");
            }

            mqttNetVersion = OurBrokerBuild.MqttNetVersionNextTo(brokerDll);
            certificates = BenchmarkCertificates.Make(brokerDll);
            if (options.Brokers == BrokerSelection.DashboardCost)
            {
                brokers.Add(new OurBroker(brokerDll, settings, options.Transport, certificates, DashboardUse.Off));
                brokers.Add(new OurBroker(brokerDll, settings, options.Transport, certificates, DashboardUse.NoPage));
                brokers.Add(new OurBroker(brokerDll, settings, options.Transport, certificates, DashboardUse.OnePage));
            }
            else
            {
                brokers.Add(new OurBroker(brokerDll, settings, options.Transport, certificates));
            }

            log.WriteLine($"our broker: dotnet {brokerDll} (revision {revision}, transport {options.Transport})");
        }

        if (options.Brokers is BrokerSelection.Mosquitto or BrokerSelection.Both)
        {
            string mosquitto = options.MosquittoPath ?? MosquittoExecutable.Find()
                ?? throw new FileNotFoundException("mosquitto not found on PATH or in /usr/sbin: apt-get install mosquitto, or pass --mosquitto PATH.");
            mosquittoVersion = MosquittoExecutable.ReadVersion(mosquitto);
            brokers.Add(new MosquittoBroker(mosquitto, settings, certificates));
            log.WriteLine($"Mosquitto: {mosquitto} {mosquittoVersion}");
        }

        return new PreparedBrokers(brokers, mosquittoVersion, mqttNetVersion, revision, certificates);
    }

    private static string BuildOurs(TextWriter log)
    {
        string root = RepositoryRoot.Find()
            ?? throw new DirectoryNotFoundException("Run this from inside the repository (Broker/Broker.csproj not found), or pass --broker-dll PATH.");
        log.WriteLine("building Broker (Release)...");
        return OurBrokerBuild.BuildRelease(root);
    }
}
