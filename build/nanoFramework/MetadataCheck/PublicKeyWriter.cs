using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace NanoFramework.MetadataCheck;

/// <summary>
/// Writes the public key of nanoFramework's real mscorlib to a file, for the facades to be public-signed with it:
/// they then carry the PublicKeyToken that the nfproj's strong-named &lt;Reference&gt; items ask for.
/// </summary>
internal static class PublicKeyWriter
{
    private const string Code = "NF2101";
    private const int TokenLength = 8;

    /// <summary>Writes the key if its token is the expected one.</summary>
    public static IReadOnlyList<Diagnostic> Run(string assemblyPath, string outputPath, string expectedToken)
    {
        byte[] publicKey;
        using (FileStream stream = File.OpenRead(assemblyPath))
        using (PEReader peReader = new(stream))
        {
            MetadataReader reader = peReader.GetMetadataReader();
            publicKey = reader.GetBlobBytes(reader.GetAssemblyDefinition().PublicKey);
        }

        string token = TokenOf(publicKey);
        if (!string.Equals(token, expectedToken, StringComparison.OrdinalIgnoreCase))
        {
            return new[]
            {
                new Diagnostic(assemblyPath, Code, $"The public key token is '{token}', not nanoFramework's '{expectedToken}': this is not nanoFramework's mscorlib."),
            };
        }

        File.WriteAllBytes(outputPath, publicKey);
        return Array.Empty<Diagnostic>();
    }

    // ECMA-335 II.6.2.1.3: the token is the last 8 bytes of the SHA-1 hash of the key, in reverse order.
    private static string TokenOf(byte[] publicKey)
    {
        if (publicKey.Length == 0)
        {
            return string.Empty;
        }

#pragma warning disable CA5350 // SHA-1 is what the format prescribes here, not a security choice.
        byte[] hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
        byte[] token = hash[^TokenLength..];
        Array.Reverse(token);
        return Convert.ToHexString(token).ToLowerInvariant();
    }
}
