// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Device.Gpio:System.Device.Gpio/PinValue.cs (it does not implement IEquatable<>).

namespace System.Device.Gpio
{
    /// <summary>The level of a pin.</summary>
    public readonly struct PinValue
    {
        // A struct with a field, like the real one: keeps the compiler's definite-assignment rules the same.
        private readonly byte _value;

        /// <summary>High level.</summary>
        public static PinValue High => throw null;

        /// <summary>Low level.</summary>
        public static PinValue Low => throw null;
    }
}
