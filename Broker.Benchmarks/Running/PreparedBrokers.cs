using Esp32Mqtt.Broker.Benchmarks.Brokers;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>The brokers a run will measure, and their versions for the machine line.</summary>
/// <param name="Brokers">The brokers, ours first.</param>
/// <param name="MosquittoVersion">Mosquitto's version, or "not run".</param>
/// <param name="MqttNetVersion">The MQTTnet version our broker runs on, or "not run".</param>
/// <param name="BrokerRevision">The commit our broker was built from ("+changes" if the work tree differed), "given" for --broker-dll, or "not run".</param>
/// <param name="Certificates">The TLS certificates the brokers serve, or null without our broker's make-certificates.</param>
internal sealed record PreparedBrokers(IReadOnlyList<IBrokerUnderTest> Brokers, string MosquittoVersion, string MqttNetVersion, string BrokerRevision, BenchmarkCertificates? Certificates);
