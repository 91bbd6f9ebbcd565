// COMPILE-ONLY FACADE: part of the public API of nanoFramework.Runtime.Native 1.7.11, declared as the package
// declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/System/Environment.cs
// (mscorlib 1.17.11 has no Environment at all: this package is where TickCount64 lives.)

namespace System
{
    /// <summary>The current environment.</summary>
    public static partial class Environment
    {
        /// <summary>Milliseconds elapsed since the system started.</summary>
        public static long TickCount64 => throw null;
    }
}
