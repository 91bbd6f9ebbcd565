namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

public sealed class ChromiumTests
{
    private const string MissingBrowser = "/nowhere/chromium-missing-for-this-test";

    [Fact]
    public void Skips_with_the_install_command_when_chromium_is_missing()
    {
        // Act
        SkipException skip = Assert.Throws<SkipException>(() => Chromium.Require(MissingBrowser, failInsteadOfSkip: false));

        // Assert
        Assert.Equal($"{MissingBrowser} not found: apt-get install chromium", skip.Message);
    }

    [Fact]
    public void Fails_instead_of_skipping_in_ci()
    {
        // Act
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => Chromium.Require(MissingBrowser, failInsteadOfSkip: true));

        // Assert
        Assert.Equal($"{MissingBrowser} not found: apt-get install chromium (CI=true, so this test fails instead of skipping)", failure.Message);
    }
}
