using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Esp32Mqtt.Broker.Security;

/// <summary>A parsed password hash string: <c>pbkdf2-sha256$iterations$salt$key</c> (salt and key in Base64).</summary>
public sealed class PasswordHash
{
    /// <summary>The scheme name that starts every hash string: PBKDF2 with HMAC-SHA-256 (RFC 8018, section 5.2).</summary>
    public const string Scheme = "pbkdf2-sha256";

    private const char Separator = '$';

    /// <summary>Creates a hash from its parts.</summary>
    public PasswordHash(int iterations, byte[] salt, byte[] key)
    {
        Iterations = iterations;
        Salt = salt;
        Key = key;
    }

    /// <summary>How many PBKDF2 iterations produced <see cref="Key"/>.</summary>
    public int Iterations { get; }

    /// <summary>The per-user random salt.</summary>
    public byte[] Salt { get; }

    /// <summary>The derived key compared at login.</summary>
    public byte[] Key { get; }

    /// <summary>Parses a hash string, or says in words what is wrong with it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PasswordHash? hash, [NotNullWhen(false)] out string? error)
    {
        hash = null;
        string[] parts = (text ?? string.Empty).Split(Separator);
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            error = $"it is not a hash made by 'hash-password' (expected {Scheme}$<iterations>$<salt>$<key>)";
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1)
        {
            error = $"its iteration count '{parts[1]}' is not a positive whole number";
            return false;
        }

        byte[]? salt = TryDecode(parts[2]);
        byte[]? key = TryDecode(parts[3]);
        if (salt is null || key is null || salt.Length == 0 || key.Length == 0)
        {
            error = "its salt or key is not valid Base64";
            return false;
        }

        hash = new PasswordHash(iterations, salt, key);
        error = null;
        return true;
    }

    /// <summary>Formats the hash as the string stored in appsettings.json.</summary>
    public override string ToString()
    {
        return string.Join(
            Separator,
            Scheme,
            Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(Salt),
            Convert.ToBase64String(Key));
    }

    private static byte[]? TryDecode(string base64)
    {
        byte[] buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out int written) ? buffer[..written] : null;
    }
}
