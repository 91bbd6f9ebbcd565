// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.Core.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs (only None, TLSv1_2 and
// TLSv1_3 are usable: M2Mqtt/Net/MqttNetworkChannel.cs, MqttSslUtility.ToSslPlatformEnum).

namespace nanoFramework.M2Mqtt
{
    /// <summary>SSL/TLS protocol versions.</summary>
    public enum MqttSslProtocols
    {
        /// <summary>No TLS.</summary>
        None,

        /// <summary>SSL 3.0.</summary>
        SSLv3,

        /// <summary>TLS 1.0.</summary>
        TLSv1_0,

        /// <summary>TLS 1.1.</summary>
        TLSv1_1,

        /// <summary>TLS 1.2.</summary>
        TLSv1_2,

        /// <summary>TLS 1.3.</summary>
        TLSv1_3,
    }
}
