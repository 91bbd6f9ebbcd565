using System.Device.Gpio;
using Esp32Client.Core;

namespace Esp32Client.Hardware
{
    /// <summary>The LED on one GPIO pin (GPIO 2 on an ESP32 DevKit), on or off and nothing more.</summary>
    public sealed class GpioLedOutput : ILedOutput
    {
        private readonly GpioPin _pin;
        private readonly PinValue _onLevel;
        private readonly PinValue _offLevel;

        /// <summary>
        /// Opens <paramref name="pinNumber"/> as an output and turns the LED off; <paramref name="activeLow"/> is for an
        /// LED wired to light when the pin is low (the DevKit's onboard LED on GPIO 2 lights when it is high).
        /// </summary>
        public GpioLedOutput(GpioController controller, int pinNumber, bool activeLow)
        {
            _onLevel = activeLow ? PinValue.Low : PinValue.High;
            _offLevel = activeLow ? PinValue.High : PinValue.Low;

            // OpenPin has no overload with an initial level (System.Device.Gpio 1.1.62), so the level follows at once.
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(_offLevel);
        }

        /// <summary>Drives the LED on or off.</summary>
        public void Write(bool on)
        {
            _pin.Write(on ? _onLevel : _offLevel);
        }
    }
}
