using System.Text;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Security;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tests.Security;

public sealed class ConnectionAuthenticatorTests
{
    private static readonly string s_esp32Hash = PasswordHasher.Hash("led-on"u8, iterations: 1_000).ToString();

    [Theory]
    [InlineData(null, null, false, AuthenticationOutcome.AcceptedAnonymous)]
    [InlineData("anyone", "anything", false, AuthenticationOutcome.Accepted)]
    [InlineData("esp32", "led-on", true, AuthenticationOutcome.Accepted)]
    [InlineData("esp32", "wrong", true, AuthenticationOutcome.BadUserNameOrPassword)]
    [InlineData("esp32", null, true, AuthenticationOutcome.BadUserNameOrPassword)]
    [InlineData("stranger", "led-on", true, AuthenticationOutcome.BadUserNameOrPassword)]
    [InlineData(null, null, true, AuthenticationOutcome.AnonymousNotAllowed)]
    [InlineData("", null, true, AuthenticationOutcome.AnonymousNotAllowed)]
    public void Decides_on_credentials(string? userName, string? password, bool withUser, AuthenticationOutcome expected)
    {
        // Arrange
        BrokerOptions options = new();
        if (withUser)
        {
            options.Users.Add(new BrokerUser { UserName = "esp32", PasswordHash = s_esp32Hash });
        }

        ConnectionAuthenticator authenticator = new(Options.Create(options));

        // Act
        AuthenticationOutcome outcome = authenticator.Authenticate(userName, Encoding.UTF8.GetBytes(password ?? string.Empty));

        // Assert
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Lets_anonymous_clients_in_beside_users_when_allowed()
    {
        // Arrange
        BrokerOptions options = new() { AllowAnonymous = true };
        options.Users.Add(new BrokerUser { UserName = "esp32", PasswordHash = s_esp32Hash });
        ConnectionAuthenticator authenticator = new(Options.Create(options));

        // Act
        AuthenticationOutcome outcome = authenticator.Authenticate(null, []);

        // Assert
        Assert.Equal(AuthenticationOutcome.AcceptedAnonymous, outcome);
    }
}
