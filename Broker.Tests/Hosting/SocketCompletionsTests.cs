using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Tests.Hosting;

public sealed class SocketCompletionsTests
{
    [Theory]
    [InlineData(null, "1")]
    [InlineData("0", "0")]
    public void Runs_socket_completions_inline_unless_the_environment_says_otherwise(string? before, string expected)
    {
        // Arrange
        string? original = Environment.GetEnvironmentVariable(SocketCompletions.InlineVariable);
        Environment.SetEnvironmentVariable(SocketCompletions.InlineVariable, before);
        try
        {
            // Act
            SocketCompletions.RunInline();

            // Assert
            Assert.Equal(expected, Environment.GetEnvironmentVariable(SocketCompletions.InlineVariable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SocketCompletions.InlineVariable, original);
        }
    }
}
