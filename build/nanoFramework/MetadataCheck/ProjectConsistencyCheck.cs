using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NanoFramework.MetadataCheck;

/// <summary>
/// Checks that packages.config, the nfproj's &lt;Reference&gt; items and the compile-only facades describe the same
/// packages at the same versions, so that what the type-check compiles against is what Visual Studio deploys.
/// Input: one tab-separated line per fact, written by NanoFramework.TypeCheck.targets:
/// "corelibrary id version mscorlib-path", "token value", "facade name package-id package-version assembly-version",
/// "reference include hint-path".
/// </summary>
internal sealed partial class ProjectConsistencyCheck
{
    private const string CoreLibraryAssemblyName = "mscorlib";
    private const string NanoFrameworkTargetFramework = "netnano1.0";
    private const string FacadesFolder = "build/nanoFramework/Facades";

    private readonly string _packagesConfigPath;
    private readonly string _projectPath;
    private readonly List<Diagnostic> _problems = new();
    private readonly List<Facade> _facades = new();
    private readonly List<ProjectReference> _references = new();
    private string _coreLibraryId = string.Empty;
    private string _coreLibraryVersion = string.Empty;
    private string _coreLibraryPath = string.Empty;
    private string _publicKeyToken = string.Empty;

    private ProjectConsistencyCheck(string packagesConfigPath, string projectPath)
    {
        _packagesConfigPath = packagesConfigPath;
        _projectPath = projectPath;
    }

    /// <summary>Runs every check and returns the problems found.</summary>
    public static IReadOnlyList<Diagnostic> Run(string inputPath, string packagesConfigPath, string projectPath)
    {
        ProjectConsistencyCheck check = new(packagesConfigPath, projectPath);
        check.ReadInput(File.ReadAllLines(inputPath));
        check.CheckPackagesConfig();
        check.CheckReferences();
        return check._problems;
    }

    private void ReadInput(string[] lines)
    {
        foreach (string line in lines.Where(l => l.Length > 0))
        {
            string[] fields = line.Split('\t');
            switch (fields[0])
            {
                case "corelibrary" when fields.Length == 4:
                    _coreLibraryId = fields[1];
                    _coreLibraryVersion = fields[2];
                    _coreLibraryPath = fields[3];
                    break;
                case "token" when fields.Length == 2:
                    _publicKeyToken = fields[1];
                    break;
                case "facade" when fields.Length == 5:
                    _facades.Add(new Facade(fields[1], fields[2], fields[3], fields[4]));
                    break;
                case "reference" when fields.Length >= 2:
                    _references.Add(new ProjectReference(fields[1], fields.Length > 2 ? fields[2] : string.Empty));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected line in the project check input: '{line}'.");
            }
        }
    }

    private void CheckPackagesConfig()
    {
        XDocument document = XDocument.Load(_packagesConfigPath);
        List<(string Id, string Version, string TargetFramework)> packages = document.Root?.Elements("package")
            .Select(p => ((string?)p.Attribute("id") ?? string.Empty, (string?)p.Attribute("version") ?? string.Empty, (string?)p.Attribute("targetFramework") ?? string.Empty))
            .ToList() ?? new();

        foreach ((string id, string version, string targetFramework) in packages)
        {
            if (targetFramework != NanoFrameworkTargetFramework)
            {
                AddPackagesProblem("NF2009", $"The package {id} should say targetFramework=\"{NanoFrameworkTargetFramework}\", as Visual Studio writes it for nanoFramework projects.");
            }

            if (id == _coreLibraryId)
            {
                continue;
            }

            Facade[] facades = _facades.Where(f => f.PackageId == id).ToArray();
            if (facades.Length == 0)
            {
                AddPackagesProblem("NF2001", $"packages.config lists {id} {version}, but {FacadesFolder} has no compile-only facade for it: add its DLLs to Facades.props and declare the API the firmware uses, so that the type-check can compile against it.");
            }

            foreach (Facade facade in facades.Where(f => f.PackageVersion != version))
            {
                AddPackagesProblem("NF2002", $"packages.config has {id} {version}, but the compile-only facade {facade.Name} is for {facade.PackageVersion}: update {FacadesFolder} (versions in Facades.props, declarations from the package's source at that version).");
            }
        }

        if (!packages.Any(p => p.Id == _coreLibraryId))
        {
            AddPackagesProblem("NF2003", $"packages.config does not list {_coreLibraryId}, the package of nanoFramework's mscorlib.");
        }

        foreach (Facade facade in _facades.Where(f => !packages.Any(p => p.Id == f.PackageId)))
        {
            AddPackagesProblem("NF2003", $"The compile-only facade {facade.Name} stands for {facade.PackageId} {facade.PackageVersion}, which packages.config does not list: packages.config must list every package of the closure (Visual Studio does not add the dependencies of a packages.config package itself).");
        }
    }

    private void CheckReferences()
    {
        string coreLibraryAssemblyVersion = AssemblyName.GetAssemblyName(_coreLibraryPath).Version?.ToString() ?? string.Empty;
        List<string> referencedAssemblies = new();

        foreach (ProjectReference reference in _references)
        {
            if (reference.HintPath.Length == 0)
            {
                AddProjectProblem("NF2008", $"The <Reference Include=\"{reference.Include}\"> has no HintPath: nanoFramework references point into the solution's packages folder (..\\packages\\<id>.<version>\\lib\\<assembly>.dll).");
                continue;
            }

            Match match = HintPathPattern().Match(reference.HintPath.Replace('\\', '/'));
            if (!match.Success)
            {
                AddProjectProblem("NF2005", $"The <Reference Include=\"{reference.Include}\"> has the HintPath '{reference.HintPath}', not of the form ..\\packages\\<id>.<version>\\lib\\<assembly>.dll.");
                continue;
            }

            string assemblyName = match.Groups["assembly"].Value;
            string packageFolder = match.Groups["folder"].Value;
            referencedAssemblies.Add(assemblyName);

            if (assemblyName == CoreLibraryAssemblyName)
            {
                CheckReference(reference, assemblyName, packageFolder, _coreLibraryId, _coreLibraryVersion, coreLibraryAssemblyVersion);
                continue;
            }

            Facade? facade = _facades.FirstOrDefault(f => f.Name == assemblyName);
            if (facade is null)
            {
                AddProjectProblem("NF2007", $"The <Reference> to {assemblyName}.dll has no compile-only facade in {FacadesFolder}: add one (Facades.props and the declarations the firmware uses).");
                continue;
            }

            CheckReference(reference, assemblyName, packageFolder, facade.PackageId, facade.PackageVersion, facade.AssemblyVersion);
        }

        if (!referencedAssemblies.Contains(CoreLibraryAssemblyName))
        {
            AddProjectProblem("NF2004", $"The project has no <Reference> to mscorlib.dll of {_coreLibraryId} {_coreLibraryVersion}.");
        }

        foreach (Facade facade in _facades.Where(f => !referencedAssemblies.Contains(f.Name)))
        {
            AddProjectProblem("NF2004", $"The project has no <Reference> to {facade.Name}.dll of {facade.PackageId} {facade.PackageVersion}: Visual Studio needs one for every DLL of the package closure (HintPath ..\\packages\\{facade.PackageId}.{facade.PackageVersion}\\lib\\{facade.Name}.dll).");
        }
    }

    private void CheckReference(ProjectReference reference, string assemblyName, string packageFolder, string packageId, string packageVersion, string assemblyVersion)
    {
        string expectedFolder = packageId + "." + packageVersion;
        if (!string.Equals(packageFolder, expectedFolder, StringComparison.OrdinalIgnoreCase))
        {
            AddProjectProblem("NF2005", $"The <Reference> to {assemblyName}.dll points into packages\\{packageFolder}, but packages.config and the facades say {expectedFolder}: expected ..\\packages\\{expectedFolder}\\lib\\{assemblyName}.dll.");
        }

        string expectedInclude = $"{assemblyName}, Version={assemblyVersion}, Culture=neutral, PublicKeyToken={_publicKeyToken}";
        AssemblyName? name = TryParseAssemblyName(reference.Include);
        string? token = name?.GetPublicKeyToken() is { Length: > 0 } bytes ? Convert.ToHexString(bytes).ToLowerInvariant() : null;
        if (name is null || name.Name != assemblyName || name.Version?.ToString() != assemblyVersion || token != _publicKeyToken)
        {
            AddProjectProblem("NF2006", $"The <Reference Include=\"{reference.Include}\"> should be <Reference Include=\"{expectedInclude}\"> (the identity of the DLL in {expectedFolder}).");
        }
    }

    private static AssemblyName? TryParseAssemblyName(string include)
    {
        try
        {
            return new AssemblyName(include);
        }
        catch (FileLoadException)
        {
            return null;
        }
    }

    private void AddPackagesProblem(string code, string message) => _problems.Add(new Diagnostic(_packagesConfigPath, code, message));

    private void AddProjectProblem(string code, string message) => _problems.Add(new Diagnostic(_projectPath, code, message));

    [GeneratedRegex(@"packages/(?<folder>[^/]+)/lib/(?<assembly>[^/]+)\.dll$", RegexOptions.IgnoreCase)]
    private static partial Regex HintPathPattern();

    private sealed record Facade(string Name, string PackageId, string PackageVersion, string AssemblyVersion);

    private sealed record ProjectReference(string Include, string HintPath);
}
