using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>
/// A session that behaves as one nanoFramework.M2Mqtt 5.1.220 <c>MqttClient</c> does when it is connected again after a
/// dropped connection (M2Mqtt/MqttClient.cs at v5.1.220). Its receive thread keeps the exception that ended the
/// connection in <c>_exReceiving</c>; on the next CONNACK it wakes the waiting <c>Connect</c> before it clears that
/// field, so <c>Connect</c> throws the old exception although the broker accepted. This double always loses that race;
/// the real client lost it on 2 of 8 broker restarts. Closing it then drops the socket without DISCONNECT.
/// </summary>
public sealed class M2MqttClientDouble(BrokerRecord broker) : IMqttSession
{
    private Exception? _storedReceiveError;

    /// <summary>The listener of the connection that is using this client now.</summary>
    public IMqttSessionListener? Listener { get; set; }

    public bool IsConnected { get; private set; }

    public MqttConnectResult Connect(MqttConnectFields fields)
    {
        broker.Accept(fields);
        Exception? stale = _storedReceiveError;
        _storedReceiveError = null;
        if (stale is not null)
        {
            throw stale;
        }

        IsConnected = true;
        return MqttConnectResult.Connected();
    }

    public void Subscribe(string[] topics)
    {
    }

    public void Unsubscribe(string[] topics)
    {
    }

    public void Publish(string topic, byte[] payload, bool retain)
    {
    }

    public void Disconnect()
    {
        broker.Disconnected();
        IsConnected = false;
        Listener?.OnClosed(this);
    }

    public void Close()
    {
        broker.SocketClosed();
        IsConnected = false;
    }

    /// <summary>
    /// The broker restarts under an open connection: the receive thread stores the error, and the client closes itself
    /// and reports it.
    /// </summary>
    public void LoseConnectionToBrokerRestart()
    {
        broker.Restart();
        _storedReceiveError = new IOException("Connection reset by peer");
        IsConnected = false;
        Listener?.OnClosed(this);
    }
}
