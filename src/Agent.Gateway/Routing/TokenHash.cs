using System.Security.Cryptography;
using System.Text;

namespace Agent.Gateway.Routing;

/// <summary>The one way an agent token is hashed: SHA-256 of its UTF-8 bytes, written as 64 lowercase hex digits.</summary>
internal static class TokenHash
{
    public const int HexLength = 64;

    public static byte[] Sha256(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string Sha256Hex(string token) => Convert.ToHexStringLower(Sha256(token));

    public static bool IsHex(string? text) =>
        text is { Length: HexLength } && text.All(Uri.IsHexDigit);
}
