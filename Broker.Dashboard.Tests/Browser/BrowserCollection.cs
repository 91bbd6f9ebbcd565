namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

/// <summary>The browser tests share one Chromium and run one class at a time, as two cores allow.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}
