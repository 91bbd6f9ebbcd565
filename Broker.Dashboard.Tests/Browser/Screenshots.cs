using Microsoft.Playwright;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

/// <summary>
/// Where the browser tests put their screenshots: next to the test assembly always, and also into the folder named by
/// the environment variable <c>DASHBOARD_SCREENSHOTS</c> when it is set (the README's pictures: docs/dashboard), a path
/// taken from the repository's root unless it is absolute.
/// </summary>
public static class Screenshots
{
    /// <summary>The environment variable naming the folder the README's pictures are written to.</summary>
    public const string FolderVariable = "DASHBOARD_SCREENSHOTS";

    /// <summary>Saves what <paramref name="page"/> shows as <paramref name="name"/>.png; the whole page when <paramref name="fullPage"/>.</summary>
    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        byte[] image = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        foreach (string folder in Folders())
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), image);
        }
    }

    private static IEnumerable<string> Folders()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "screenshots");
        string? extra = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrEmpty(extra))
        {
            yield return Path.IsPathRooted(extra) ? extra : Path.Combine(RepositoryRoot(), extra);
        }
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "nf.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No nf.sln above {AppContext.BaseDirectory}: give {FolderVariable} as an absolute path.");
    }
}
