using Microsoft.Playwright;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard open in its own browser context (cookies, viewport and colour scheme of its own), with the parts a test
/// looks at, and every script error and console error the page had.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    /// <summary>A laptop's window.</summary>
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 900 };

    /// <summary>A phone's screen (the size of an iPhone 14 or a mid-range Android phone, in CSS pixels).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>Script errors and console errors so far (a Content-Security-Policy violation is one).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The connection line in the header ("Live", "Reconnecting…").</summary>
    public ILocator Connection => Page.Locator("#connection");

    /// <summary>The message rows of the flow, newest first.</summary>
    public ILocator FlowMessages => Page.Locator("#flow-list > li.message");

    /// <summary>Opens <paramref name="address"/> in a new context of <paramref name="browser"/>.</summary>
    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address, ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Laptop,
            ColorScheme = colorScheme,
            ReducedMotion = ReducedMotion.Reduce,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        IPage page = await context.NewPageAsync();
        DashboardPage dashboard = new(context, page);
        await page.GotoAsync(address.ToString());
        return dashboard;
    }

    /// <summary>The card of board <paramref name="id"/>.</summary>
    public ILocator Board(string id)
    {
        return Page.GetByRole(AriaRole.Article, new() { Name = $"Board {id}", Exact = true });
    }

    /// <summary>The drawn LED of board <paramref name="id"/>; its <c>data-led</c> is on, off, blinking or unknown.</summary>
    public ILocator Led(string id)
    {
        return Board(id).Locator(".led");
    }

    /// <summary>The flow row of the newest message on <paramref name="topic"/>.</summary>
    public ILocator FlowMessage(string topic)
    {
        return FlowMessages.Filter(new() { Has = Page.Locator(".topic-name").GetByText(topic, new() { Exact = true }) }).First;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
    }
}
