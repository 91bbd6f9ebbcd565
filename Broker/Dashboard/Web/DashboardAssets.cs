using Microsoft.Extensions.FileProviders;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>
/// The dashboard's page, styles and scripts (Dashboard/wwwroot), built into Broker.dll as resources named
/// <c>dashboard.&lt;file&gt;</c> (Broker.csproj): served from memory, with nothing to copy and nothing from the internet.
/// </summary>
public static class DashboardAssets
{
    /// <summary>The dashboard page.</summary>
    public const string IndexPage = "index.html";

    /// <summary>The login page.</summary>
    public const string LoginPage = "login.html";

    /// <summary>The files, by name.</summary>
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(DashboardAssets).Assembly, "dashboard");
}
