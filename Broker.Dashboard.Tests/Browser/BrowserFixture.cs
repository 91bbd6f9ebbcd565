using Microsoft.Playwright;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

/// <summary>
/// One Playwright driver and one headless Chromium, shared by the browser tests (each test opens its own context: its own
/// cookies, viewport and colour scheme). Without Chromium, nothing is started and each test skips (or fails in CI).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser; call <see cref="Chromium.Require()"/> first.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium was not started: call Chromium.Require() first.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ProgramPath))
        {
            return;
        }

        // Web-first assertions wait for the page; a loaded CI machine gets longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout((float)TestSupport.TestTimeouts.Short.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
