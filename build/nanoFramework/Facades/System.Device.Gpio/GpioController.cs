// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Device.Gpio:System.Device.Gpio/GpioController.cs @v1.1.62 (there is no Toggle on the
// controller and no OpenPin overload with an initial value).

namespace System.Device.Gpio
{
    /// <summary>The GPIO pins of the device.</summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>Creates a controller with logical pin numbers.</summary>
        public GpioController() => throw null;

        /// <summary>Opens a pin in the given mode.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;

        /// <summary>Closes all pins.</summary>
        public void Dispose() => throw null;
    }
}
