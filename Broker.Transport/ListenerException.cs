namespace Esp32Mqtt.Broker.Transport;

/// <summary>The listening socket could not be opened; the message is the one line a person needs to fix it.</summary>
public sealed class ListenerException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    public ListenerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
