namespace Esp32Mqtt.TestSupport;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TemporaryDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "esp32mqtt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(string name)
    {
        return Path.Combine(FullPath, name);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A process killed a moment ago may still hold a file; the OS cleans the temp folder eventually.
        }
    }
}
