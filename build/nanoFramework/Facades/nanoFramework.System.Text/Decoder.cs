// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Text 1.3.42, declared as the package declares it,
// for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Text:nanoFramework.System.Text/Text/Decoder.cs @v1.3.42, from
// NETMF/netmf-interpreter:Framework/Subset_of_CorLib/System/Text/Decoder.cs.

namespace System.Text
{
    /// <summary>Decodes blocks of bytes into characters, keeping state between blocks.</summary>
    public abstract class Decoder
    {
        /// <summary>Converts bytes to characters.</summary>
        public abstract void Convert(
            byte[] bytes,
            int byteIndex,
            int byteCount,
            char[] chars,
            int charIndex,
            int charCount,
            bool flush,
            out int bytesUsed,
            out int charsUsed,
            out bool completed);
    }
}
