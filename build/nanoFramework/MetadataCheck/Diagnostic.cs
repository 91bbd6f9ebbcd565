namespace NanoFramework.MetadataCheck;

/// <summary>One problem found, with the file it is about and a stable code (NF1xxx: assembly, NF2xxx: project).</summary>
internal sealed record Diagnostic(string Origin, string Code, string Message)
{
    /// <summary>MSBuild's canonical error format, which the Exec task recognises as a build error.</summary>
    public string ToCanonicalString() => $"{Origin}: error {Code}: {Message}";
}
