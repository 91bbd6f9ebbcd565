// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Text 1.3.42, declared as the package declares it,
// for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Text:nanoFramework.System.Text/Text/Encoding.cs @v1.3.42, itself from NETMF/netmf-interpreter:Framework/Subset_of_CorLib/System/Text/Encoding.cs.
// There is NO GetString(byte[]) overload, no GetByteCount and no GetCharCount.

namespace System.Text
{
    /// <summary>A character encoding.</summary>
    public abstract class Encoding
    {
        /// <summary>A new UTF-8 encoding on every call.</summary>
        public static Encoding UTF8 => throw null;

        /// <summary>Encodes a string.</summary>
        public virtual byte[] GetBytes(string s) => throw null;

        /// <summary>Encodes part of a string into a buffer.</summary>
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;

        /// <summary>Decodes bytes into characters.</summary>
        public virtual char[] GetChars(byte[] bytes) => throw null;

        /// <summary>Decodes part of a byte array into characters.</summary>
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;

        /// <summary>Decodes part of a byte array into a string.</summary>
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;

        /// <summary>A decoder that keeps state between blocks.</summary>
        public abstract Decoder GetDecoder();
    }
}
