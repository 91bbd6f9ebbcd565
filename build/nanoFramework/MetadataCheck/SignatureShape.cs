namespace NanoFramework.MetadataCheck;

/// <summary>A decoded type from a metadata signature: how it reads, and what nanoFramework 1.x could not run in it.</summary>
internal sealed record SignatureShape(string Text, bool UsesGenerics, bool UsesMultidimensionalArray)
{
    /// <summary>A type that is fine on nanoFramework 1.x.</summary>
    public static SignatureShape Plain(string text) => new(text, false, false);
}
