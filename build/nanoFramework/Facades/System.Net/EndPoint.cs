// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/EndPoint.cs (its abstract Serialize and Create, which the
// firmware does not call, are left out).

namespace System.Net
{
    /// <summary>A network address.</summary>
    public abstract class EndPoint
    {
    }
}
