namespace Esp32Mqtt.Broker.Hosting;

/// <summary>A start-up failure whose message is already the one line a person needs: what is wrong and how to fix it.</summary>
public sealed class BrokerStartupException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    public BrokerStartupException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
