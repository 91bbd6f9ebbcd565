using System.Security.Cryptography;

namespace Esp32Mqtt.Broker.Security;

/// <summary>Hashes and verifies passwords with the BCL's PBKDF2 (HMAC-SHA-256, per-user salt).</summary>
public static class PasswordHasher
{
    /// <summary>Iterations for new hashes: OWASP Password Storage Cheat Sheet (2023) figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public static PasswordHash Hash(ReadOnlySpan<byte> password, int iterations = DefaultIterations)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, KeyBytes);
        return new PasswordHash(iterations, salt, key);
    }

    /// <summary>Whether the password matches the hash, compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> password, PasswordHash hash)
    {
        byte[] key = Rfc2898DeriveBytes.Pbkdf2(password, hash.Salt, hash.Iterations, HashAlgorithmName.SHA256, hash.Key.Length);
        return CryptographicOperations.FixedTimeEquals(key, hash.Key);
    }
}
