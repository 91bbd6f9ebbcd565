using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Security;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tests.Configuration;

public sealed class BrokerOptionsValidatorTests
{
    private static readonly string s_validHash = PasswordHasher.Hash("secret"u8, iterations: 1_000).ToString();

    public static TheoryData<Action<BrokerOptions>, string> InvalidOptions => new()
    {
        { o => o.Port = -1, "Broker:Port is -1; allowed: 0 to 65535 (0 picks any free port)" },
        { o => o.Port = 70_000, "Broker:Port is 70000; allowed: 0 to 65535 (0 picks any free port)" },
        { o => o.BindAddress = "my-pc", "Broker:BindAddress is 'my-pc'; allowed: '*' (every interface) or one IP address of this computer" },
        { o => o.MaxPayloadBytes = 0, "Broker:MaxPayloadBytes is 0; allowed: 1 to 268369919 (bytes)" },
        { o => o.MaxPendingMessagesPerClient = 0, "Broker:MaxPendingMessagesPerClient is 0; allowed: 1 to 1000000 (messages)" },
        { o => o.ConnectTimeoutSeconds = 0, "Broker:ConnectTimeoutSeconds is 0; allowed: 1 to 3600 (seconds)" },
        { o => o.DataDirectory = " ", "Broker:DataDirectory is empty; allowed: a folder path" },
        { o => o.Users.Add(new BrokerUser { UserName = string.Empty, PasswordHash = s_validHash }), "Broker:Users:0:UserName is empty" },
        { o => o.Users.Add(new BrokerUser { UserName = "esp32", PasswordHash = "secret" }), "Broker:Users:0:PasswordHash of user 'esp32' is not valid: it is not a hash made by 'hash-password'" },
        { o => o.Users.AddRange([new BrokerUser { UserName = "esp32", PasswordHash = s_validHash }, new BrokerUser { UserName = "esp32", PasswordHash = s_validHash }]), "Broker:Users:1:UserName is 'esp32', which is listed twice" },
        { o => o.AllowAnonymous = false, "Broker:AllowAnonymous is false but Broker:Users is empty, so no client could connect" },
        { o => o.DashboardPort = 70_000, "Broker:DashboardPort is 70000; allowed: 0 to 65535 (0 picks any free port)" },
        { o => o.DashboardPort = BrokerOptions.StandardMqttPort, "Broker:DashboardPort is 1883, the same as Broker:Port; allowed: another port, such as 8080, or Broker:DashboardEnabled false" },
    };

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1883, 1883, false)]
    public void Lets_the_dashboard_port_be_any_port_but_the_mqtt_one_when_not_switched_off(int port, int dashboardPort, bool dashboardEnabled)
    {
        // Arrange
        BrokerOptions options = new() { Port = port, DashboardPort = dashboardPort, DashboardEnabled = dashboardEnabled };

        // Act
        ValidateOptionsResult result = new BrokerOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Accepts_the_defaults()
    {
        // Arrange
        BrokerOptions options = new();

        // Act
        ValidateOptionsResult result = new BrokerOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Accepts_users_with_hashes_and_a_specific_bind_address()
    {
        // Arrange
        BrokerOptions options = new() { BindAddress = "127.0.0.1", AllowAnonymous = false, Port = 0 };
        options.Users.Add(new BrokerUser { UserName = "esp32", PasswordHash = s_validHash });

        // Act
        ValidateOptionsResult result = new BrokerOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Names_the_key_the_value_and_what_is_allowed(Action<BrokerOptions> spoil, string expectedMessage)
    {
        // Arrange
        BrokerOptions options = new();
        spoil(options);

        // Act
        ValidateOptionsResult result = new BrokerOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(expectedMessage, StringComparison.Ordinal));
    }
}
