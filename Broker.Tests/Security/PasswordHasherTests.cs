using Esp32Mqtt.Broker.Security;

namespace Esp32Mqtt.Broker.Tests.Security;

public sealed class PasswordHasherTests
{
    private const int FastIterations = 1_000;

    [Fact]
    public void Verifies_the_password_it_hashed()
    {
        // Arrange
        PasswordHash hash = PasswordHasher.Hash("led-on"u8, FastIterations);

        // Act
        bool verified = PasswordHasher.Verify("led-on"u8, hash);

        // Assert
        Assert.True(verified);
    }

    [Fact]
    public void Rejects_another_password()
    {
        // Arrange
        PasswordHash hash = PasswordHasher.Hash("led-on"u8, FastIterations);

        // Act
        bool verified = PasswordHasher.Verify("led-off"u8, hash);

        // Assert
        Assert.False(verified);
    }

    [Fact]
    public void Salts_each_hash_differently()
    {
        // Arrange and act
        string first = PasswordHasher.Hash("same"u8, FastIterations).ToString();
        string second = PasswordHasher.Hash("same"u8, FastIterations).ToString();

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Stores_the_iteration_count_in_the_hash_string()
    {
        // Arrange
        string text = PasswordHasher.Hash("led-on"u8).ToString();

        // Act
        bool parsed = PasswordHash.TryParse(text, out PasswordHash? hash, out _);

        // Assert
        Assert.True(parsed);
        Assert.StartsWith($"pbkdf2-sha256${PasswordHasher.DefaultIterations}$", text, StringComparison.Ordinal);
        Assert.Equal(PasswordHasher.DefaultIterations, hash!.Iterations);
        Assert.True(PasswordHasher.Verify("led-on"u8, hash));
    }

    [Theory]
    [InlineData("", "it is not a hash made by 'hash-password'")]
    [InlineData("led-on", "it is not a hash made by 'hash-password'")]
    [InlineData("md5$1$YQ==$YQ==", "it is not a hash made by 'hash-password'")]
    [InlineData("pbkdf2-sha256$many$YQ==$YQ==", "its iteration count 'many' is not a positive whole number")]
    [InlineData("pbkdf2-sha256$0$YQ==$YQ==", "its iteration count '0' is not a positive whole number")]
    [InlineData("pbkdf2-sha256$1000$not base64!$YQ==", "its salt or key is not valid Base64")]
    public void Explains_a_malformed_hash_string(string text, string expectedError)
    {
        // Act
        bool parsed = PasswordHash.TryParse(text, out _, out string? error);

        // Assert
        Assert.False(parsed);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }
}
