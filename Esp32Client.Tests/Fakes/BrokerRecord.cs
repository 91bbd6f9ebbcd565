using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>
/// What a broker saw of one client id: connections it accepted, clean disconnects, and the wills it published because
/// a connection it had accepted ended without DISCONNECT (MQTT 3.1.1, section 3.1.2.5).
/// </summary>
public sealed class BrokerRecord
{
    private string? _openConnectionWill;
    private bool _open;

    public int Accepted { get; private set; }

    public int CleanDisconnects { get; private set; }

    public List<string> WillsPublished { get; } = [];

    /// <summary>The broker accepts a CONNECT and answers with a CONNACK.</summary>
    public void Accept(MqttConnectFields fields)
    {
        Accepted++;
        _open = true;
        _openConnectionWill = fields.WillMessage;
    }

    /// <summary>The client sent DISCONNECT: the will is discarded.</summary>
    public void Disconnected()
    {
        if (_open)
        {
            _open = false;
            CleanDisconnects++;
        }
    }

    /// <summary>The client's socket closed without DISCONNECT: the broker publishes the will.</summary>
    public void SocketClosed()
    {
        if (_open)
        {
            _open = false;
            if (_openConnectionWill is not null)
            {
                WillsPublished.Add(_openConnectionWill);
            }
        }
    }

    /// <summary>The broker restarts: its connections are gone, and no will is published for them.</summary>
    public void Restart()
    {
        _open = false;
    }
}
