namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>
/// Ends every page's feed when the broker begins to stop, before its MQTT clients are disconnected: a feed is a request
/// that never ends by itself, and the web server would otherwise wait for it.
/// </summary>
public sealed class DashboardClosing : IDisposable
{
    private readonly CancellationTokenSource _closing = new();

    /// <summary>Cancelled when the broker begins to stop.</summary>
    public CancellationToken Token => _closing.Token;

    /// <summary>Ends the feeds.</summary>
    public void Close()
    {
        _closing.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closing.Dispose();
    }
}
