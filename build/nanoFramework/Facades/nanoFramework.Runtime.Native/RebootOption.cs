// COMPILE-ONLY FACADE: part of the public API of nanoFramework.Runtime.Native 1.7.11, declared as the package
// declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/RebootOption.cs

namespace nanoFramework.Runtime.Native
{
    /// <summary>How the device reboots.</summary>
    public enum RebootOption
    {
        /// <summary>Hard reset of the CPU.</summary>
        NormalReboot = 0,

        /// <summary>Reboot into nanoBooter.</summary>
        EnterNanoBooter = 1,

        /// <summary>Restart the CLR only.</summary>
        ClrOnly = 2,

        /// <summary>Reboot into the proprietary bootloader.</summary>
        EnterProprietaryBooter = 8,
    }
}
