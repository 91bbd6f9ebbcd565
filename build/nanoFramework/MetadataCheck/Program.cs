namespace NanoFramework.MetadataCheck;

/// <summary>
/// Entry point of the nanoFramework type-check's helper (build/nanoFramework/README.md). Problems are printed in
/// MSBuild's canonical "origin: error CODE: text" form, so the Exec task in NanoFramework.TypeCheck.targets turns
/// each one into a build error.
/// </summary>
internal static class Program
{
    private const int Success = 0;
    private const int ProblemsFound = 1;
    private const int UsageError = 2;

    private const string Usage =
        "usage: NanoFramework.MetadataCheck check-assembly <assembly.dll>\n" +
        "       NanoFramework.MetadataCheck check-project <input.txt> <packages.config> <project file>\n" +
        "       NanoFramework.MetadataCheck public-key <mscorlib.dll> <output file> <expected public key token>";

    private static int Main(string[] args)
    {
        try
        {
            IReadOnlyList<Diagnostic>? problems = Run(args);
            if (problems is null)
            {
                Console.Error.WriteLine(Usage);
                return UsageError;
            }

            foreach (Diagnostic problem in problems)
            {
                Console.WriteLine(problem.ToCanonicalString());
            }

            return problems.Count == 0 ? Success : ProblemsFound;
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Still in canonical form, so MSBuild shows the reason rather than "exited with code 1".
            Console.WriteLine(new Diagnostic(args.Length > 1 ? args[1] : "NanoFramework.MetadataCheck", "NF0001", exception.Message).ToCanonicalString());
            return ProblemsFound;
        }
    }

    private static IReadOnlyList<Diagnostic>? Run(string[] args)
    {
        if (args.Length == 2 && args[0] == "check-assembly")
        {
            return AssemblyCompatibilityCheck.Run(args[1]);
        }

        if (args.Length == 4 && args[0] == "check-project")
        {
            return ProjectConsistencyCheck.Run(args[1], args[2], args[3]);
        }

        if (args.Length == 4 && args[0] == "public-key")
        {
            return PublicKeyWriter.Run(args[1], args[2], args[3]);
        }

        return null;
    }
}
