// COMPILE-ONLY FACADE: part of the public API of nanoFramework.Runtime.Native 1.7.11, declared as the package
// declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/GC.cs

namespace nanoFramework.Runtime.Native
{
    /// <summary>Controls the garbage collector.</summary>
    public static class GC
    {
        /// <summary>Runs a garbage collection and returns the free managed heap in bytes.</summary>
        public static uint Run(bool compactHeap) => throw null;
    }
}
