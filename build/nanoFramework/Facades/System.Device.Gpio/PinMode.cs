// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Device.Gpio:System.Device.Gpio/PinMode.cs

namespace System.Device.Gpio
{
    /// <summary>Pin modes.</summary>
    public enum PinMode
    {
        /// <summary>Floating input.</summary>
        Input,

        /// <summary>Input with pull-down.</summary>
        InputPullDown,

        /// <summary>Input with pull-up.</summary>
        InputPullUp,

        /// <summary>Push-pull output.</summary>
        Output,

        /// <summary>Open-drain output.</summary>
        OutputOpenDrain,

        /// <summary>Open-drain output with pull-up.</summary>
        OutputOpenDrainPullUp,

        /// <summary>Open-source output.</summary>
        OutputOpenSource,

        /// <summary>Open-source output with pull-down.</summary>
        OutputOpenSourcePullDown,
    }
}
