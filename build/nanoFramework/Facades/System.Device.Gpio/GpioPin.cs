// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Device.Gpio:System.Device.Gpio/GpioPin.cs @v1.1.62 (the real class name carries a
// U+200B zero-width space, which C# drops from identifiers; its ValueChanged event is not declared here).

namespace System.Device.Gpio
{
    /// <summary>An open GPIO pin.</summary>
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() => throw null;

        /// <summary>Writes the pin.</summary>
        public void Write(PinValue value) => throw null;

        /// <summary>Closes the pin.</summary>
        public void Dispose() => throw null;
    }
}
