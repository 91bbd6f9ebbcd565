// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Threading 1.1.52 (System.Threading.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Threading:nanoFramework.System.Threading/Threading/CancellationTokenSource.cs

namespace System.Threading
{
    /// <summary>Signals to a CancellationToken that it should be canceled.</summary>
    public class CancellationTokenSource : IDisposable
    {
        /// <summary>Creates a source that cancels itself after a delay.</summary>
        public CancellationTokenSource(int millisecondsDelay) => throw null;

        /// <summary>The token this source controls.</summary>
        public CancellationToken Token => throw null;

        /// <summary>Releases the source and its timer.</summary>
        public void Dispose() => throw null;
    }
}
