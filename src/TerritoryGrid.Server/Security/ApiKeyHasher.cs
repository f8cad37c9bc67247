using System.Security.Cryptography;
using System.Text;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// Keys are 256 random bits, so a single SHA-256 is enough to store them safely (no password stretching is needed
/// for a secret nobody chose).
/// </summary>
public static class ApiKeyHasher
{
    public const string Prefix = "sha256:";

    public static string NewKey() => "tg_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsHash(string value) =>
        value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length == Prefix.Length + 64 && value[Prefix.Length..].All(Uri.IsHexDigit);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
