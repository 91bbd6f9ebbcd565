using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

/// <summary>
/// Debian's Chromium, which the browser tests drive through Playwright (Playwright's own browser download is not needed).
/// A missing browser skips the test with the install command, except when <c>CI=true</c>, where it fails the test.
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian's package <c>chromium</c> installs the browser.</summary>
    public const string ProgramPath = "/usr/bin/chromium";

    /// <summary>
    /// Headless, and quiet: no sandbox (the tests may run as root, where Chromium refuses its sandbox), no GPU, and none
    /// of the background traffic (updates, sync, first-run pages) a test machine without internet has no use for.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ProgramPath,
        Headless = true,
        Args =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    };

    /// <summary>Skips the test (or, with CI=true, fails it) when Chromium is not installed.</summary>
    public static void Require()
    {
        Require(ProgramPath, RequiredProgram.FailInsteadOfSkip);
    }

    /// <summary>When <paramref name="programPath"/> is missing, fails the test or skips it with the install command.</summary>
    public static void Require(string programPath, bool failInsteadOfSkip)
    {
        RequiredProgram.Require(programPath, "chromium", "Chromium", failInsteadOfSkip, []);
    }
}
