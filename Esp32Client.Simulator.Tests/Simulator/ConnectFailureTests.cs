using System.Net.Sockets;
using Esp32Client.Simulator.Networking;
using MQTTnet;
using MQTTnet.Exceptions;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class ConnectFailureTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(SocketError.ConnectionRefused, "connection refused by pc:1883: is the broker running there? (dotnet run --project Broker)")]
    [InlineData(SocketError.HostNotFound, "host 'pc' not found: check --broker, or use the broker's IP address")]
    [InlineData(SocketError.TimedOut, "no answer from pc:1883: check the address and the firewall")]
    [InlineData(SocketError.HostUnreachable, "pc is unreachable from this PC: check the address and the network")]
    public void Explains_a_socket_failure_with_a_fix(SocketError error, string expected)
    {
        // Arrange
        MqttCommunicationException exception = new(new SocketException((int)error));

        // Act
        string words = ConnectFailure.Describe(exception, "pc", 1883, s_timeout);

        // Assert
        Assert.Equal(expected, words);
    }

    [Fact]
    public void Explains_a_timeout()
    {
        // Act
        string words = ConnectFailure.Describe(new OperationCanceledException(), "pc", 1883, s_timeout);

        // Assert
        Assert.Equal("no answer from pc:1883 within 10 s: check the address and the firewall", words);
    }

    [Fact]
    public void Keeps_only_the_first_line_of_an_unknown_failure()
    {
        // Act
        string words = ConnectFailure.Describe(new InvalidOperationException("first line\nsecond line"), "pc", 1883, s_timeout);

        // Assert
        Assert.Equal("pc:1883: first line", words);
    }

    [Theory]
    [InlineData(MqttClientConnectResultCode.BadUserNameOrPassword, null, "bad user name or password (check --username and --password)")]
    [InlineData(MqttClientConnectResultCode.NotAuthorized, "", "not authorized (the broker needs a user name and password: --username, --password)")]
    [InlineData(MqttClientConnectResultCode.ServerBusy, "try later", "server busy (try later)")]
    public void Explains_a_refusal_in_words(MqttClientConnectResultCode code, string? reason, string expected)
    {
        // Act
        string words = ConnectFailure.DescribeRefusal(code, reason);

        // Assert
        Assert.Equal(expected, words);
    }
}
