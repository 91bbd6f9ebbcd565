using System.Xml.Linq;

namespace Esp32Client.Tests.TypeCheck;

/// <summary>The Compile and None items of an Esp32Client.nfproj (an old-style MSBuild project).</summary>
internal sealed class FirmwareProjectFile
{
    /// <summary>The file name of the firmware project.</summary>
    public const string FileName = "Esp32Client.nfproj";

    private static readonly XNamespace s_msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    private readonly string _path;
    private readonly XDocument _document;

    private FirmwareProjectFile(string path)
    {
        _path = path;
        _document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
    }

    /// <summary>The Compile items: include path (with the project's backslashes) and condition, if any.</summary>
    public IReadOnlyList<(string Include, string? Condition)> CompileItems =>
        Items("Compile").Select(e => ((string)e.Attribute("Include")!, (string?)e.Attribute("Condition"))).ToList();

    /// <summary>The Include paths of the None items.</summary>
    public IReadOnlyList<string> NoneItems => Items("None").Select(e => (string)e.Attribute("Include")!).ToList();

    /// <summary>Reads the project in <paramref name="directory"/>.</summary>
    public static FirmwareProjectFile Load(string directory) => new(Path.Combine(directory, FileName));

    /// <summary>Adds a Compile item after the existing ones and saves the project.</summary>
    public void AddCompileItem(string include)
    {
        XElement lastCompile = Items("Compile").Last();
        lastCompile.AddAfterSelf(new XElement(s_msbuild + "Compile", new XAttribute("Include", include)));
        _document.Save(_path);
    }

    private IEnumerable<XElement> Items(string itemType) => _document.Descendants(s_msbuild + "ItemGroup").Elements(s_msbuild + itemType);
}
