// COMPILE-ONLY FACADE: part of the public API of nanoFramework.Runtime.Native 1.7.11, declared as the package
// declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/Power.cs @v1.7.11
// (in 1.7.x both RebootDevice overloads take a RebootOption).

namespace nanoFramework.Runtime.Native
{
    /// <summary>Power management common to all targets.</summary>
    public class Power
    {
        /// <summary>Reboots the device.</summary>
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }
}
