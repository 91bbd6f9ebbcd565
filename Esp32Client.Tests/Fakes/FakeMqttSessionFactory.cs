using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>Makes <see cref="FakeMqttSession"/>s, each prepared by <see cref="Prepare"/>, or fails as a test says.</summary>
public sealed class FakeMqttSessionFactory : IMqttSessionFactory
{
    /// <summary>Every session made, oldest first.</summary>
    public List<FakeMqttSession> Sessions { get; } = [];

    /// <summary>When set, the next attempts to make a session fail with this reason.</summary>
    public string? CreateError { get; set; }

    /// <summary>Runs on each new session before it is handed out.</summary>
    public Action<FakeMqttSession>? Prepare { get; set; }

    /// <summary>The most recent session.</summary>
    public FakeMqttSession Current => Sessions[^1];

    public bool TryCreate(IMqttSessionListener listener, out IMqttSession? session, out string error)
    {
        if (CreateError is not null)
        {
            session = null;
            error = CreateError;
            return false;
        }

        FakeMqttSession created = new(listener);
        Prepare?.Invoke(created);
        Sessions.Add(created);
        session = created;
        error = string.Empty;
        return true;
    }

    public string Describe(Exception exception)
    {
        return "described: " + exception.Message;
    }
}
