// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/X509Certificates/X509Certificate.cs
// (The type is in System.Net.dll although its namespace is System.Security.Cryptography.X509Certificates.)

namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>An X.509 certificate, in PEM or DER form.</summary>
    public class X509Certificate
    {
        /// <summary>Creates a certificate from its PEM text (a nanoFramework addition: .NET takes a file name here).</summary>
        public X509Certificate(string certificate) => throw null;
    }
}
