using System;

namespace Esp32Client.Core
{
    /// <summary>Makes a fresh <see cref="IMqttSession"/> for each connect attempt, and puts the library's errors into words.</summary>
    public interface IMqttSessionFactory
    {
        /// <summary>
        /// Makes a session that reports to <paramref name="listener"/>; false, with the reason in words, when the client
        /// cannot be made (M2Mqtt resolves the broker's name in its constructor, so a name that does not resolve fails
        /// here).
        /// </summary>
        bool TryCreate(IMqttSessionListener listener, out IMqttSession? session, out string error);

        /// <summary>Why a call on one of its sessions threw, in one line of words.</summary>
        string Describe(Exception exception);
    }
}
