namespace Esp32Client.Tests.TypeCheck;

/// <summary>A copy of Esp32Client/ as committed (no build outputs, no WifiSecrets.cs), to change and build apart.</summary>
internal sealed class FirmwareCopy
{
    private static readonly string[] s_skippedDirectories = { "bin", "obj" };
    private static readonly string[] s_skippedFiles = { "WifiSecrets.cs" };

    private FirmwareCopy(string directory)
    {
        Directory = directory;
    }

    /// <summary>The copy's folder, holding Esp32Client.nfproj.</summary>
    public string Directory { get; }

    /// <summary>Copies the repository's firmware into <paramref name="directory"/>.</summary>
    public static FirmwareCopy Create(string directory)
    {
        CopyDirectory(RepositoryLayout.FirmwareDirectory, directory);
        return new FirmwareCopy(directory);
    }

    /// <summary>Writes a source file and adds it to the project's compile list.</summary>
    public void AddSource(string fileName, string code)
    {
        File.WriteAllText(Path.Combine(Directory, fileName), code);
        FirmwareProjectFile.Load(Directory).AddCompileItem(fileName);
    }

    /// <summary>Copies a file of the firmware folder to another name inside it.</summary>
    public void CopyFile(string fromFileName, string toFileName) =>
        File.Copy(Path.Combine(Directory, fromFileName), Path.Combine(Directory, toFileName), overwrite: true);

    /// <summary>Replaces text in a file of the copy; the text must be there.</summary>
    public void Replace(string fileName, string oldText, string newText)
    {
        string path = Path.Combine(Directory, fileName);
        string content = File.ReadAllText(path);
        if (!content.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' is not in {fileName}.");
        }

        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static void CopyDirectory(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (string file in System.IO.Directory.EnumerateFiles(source))
        {
            if (!s_skippedFiles.Contains(Path.GetFileName(file)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        foreach (string directory in System.IO.Directory.EnumerateDirectories(source))
        {
            if (!s_skippedDirectories.Contains(Path.GetFileName(directory)))
            {
                CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
            }
        }
    }
}
