using Esp32Client.Core;

namespace Esp32Client.Tests.Discovery;

/// <summary>Builds multicast DNS answers for tests: per instance a PTR, and unless left out its SRV, TXT and A records.</summary>
public sealed class AnswerBuilder
{
    private const uint ServiceTimeToLive = 4500;
    private const uint HostTimeToLive = 120;

    private readonly List<Instance> _instances = [];

    /// <summary>Adds an instance on <paramref name="host"/>.local at <paramref name="address"/>.</summary>
    public AnswerBuilder With(string name, string address, int port, string[] text, string host = "pc", bool withAddress = true, bool goodbye = false)
    {
        _instances.Add(new Instance(name, address, port, text, host + ".local", withAddress, goodbye));
        return this;
    }

    /// <summary>Adds an esp32mqtt broker.</summary>
    public AnswerBuilder WithBroker(string name, string address, int port = 1883)
    {
        return With(name, address, port, [$"{MulticastDns.ProductKey}={MulticastDns.ProductValue}", "version=1.0.0"], host: "pc-" + port);
    }

    /// <summary>The response message.</summary>
    public byte[] Build()
    {
        var writer = new DnsWriter();
        int additionals = _instances.Sum(instance => instance.WithAddress ? 3 : 2);
        writer.WriteHeader(0, 0x8400, 0, _instances.Count, 0, additionals);
        foreach (Instance instance in _instances)
        {
            uint timeToLive = instance.Goodbye ? 0 : ServiceTimeToLive;
            writer.WriteName(MulticastDns.MqttServiceType);
            int mark = writer.BeginRecord(DnsRecordType.Ptr, DnsClass.Internet, timeToLive);
            WriteInstanceName(writer, instance);
            writer.EndRecord(mark);
        }

        foreach (Instance instance in _instances)
        {
            WriteInstanceName(writer, instance);
            int service = writer.BeginRecord(DnsRecordType.Srv, DnsClass.Internet | DnsClass.TopBit, HostTimeToLive);
            writer.WriteUInt16(0);
            writer.WriteUInt16(0);
            writer.WriteUInt16((ushort)instance.Port);
            writer.WriteName(instance.Host);
            writer.EndRecord(service);

            WriteInstanceName(writer, instance);
            int text = writer.BeginRecord(DnsRecordType.Txt, DnsClass.Internet | DnsClass.TopBit, ServiceTimeToLive);
            foreach (string entry in instance.Text)
            {
                writer.WriteCharacterString(entry);
            }

            writer.EndRecord(text);

            if (instance.WithAddress)
            {
                writer.WriteName(instance.Host);
                int address = writer.BeginRecord(DnsRecordType.A, DnsClass.Internet | DnsClass.TopBit, HostTimeToLive);
                writer.WriteBytes(System.Net.IPAddress.Parse(instance.Address).GetAddressBytes());
                writer.EndRecord(address);
            }
        }

        return writer.ToArray();
    }

    private static void WriteInstanceName(DnsWriter writer, Instance instance)
    {
        writer.WriteLabel(instance.Name);
        writer.WriteName(MulticastDns.MqttServiceType);
    }

    private sealed record Instance(string Name, string Address, int Port, string[] Text, string Host, bool WithAddress, bool Goodbye);
}
