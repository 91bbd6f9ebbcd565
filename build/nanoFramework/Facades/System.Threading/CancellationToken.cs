// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Threading 1.1.52 (System.Threading.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Threading:nanoFramework.System.Threading/Threading/CancellationToken.cs

namespace System.Threading
{
    /// <summary>Propagates notification that an operation should be canceled.</summary>
    public struct CancellationToken
    {
        // A struct with a field, like the real one: keeps the compiler's definite-assignment rules the same.
        private CancellationTokenSource _source;
    }
}
