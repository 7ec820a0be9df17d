using System.Security.Cryptography;
using System.Text;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>
/// Invite links carry 32 random bytes as base64url (43 characters); only their SHA-256 (hex) is stored, so a copy of
/// the database cannot be turned into working links.
/// </summary>
public static class InviteTokens
{
    public const int TokenLength = 43;

    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text has the shape of a token; anything else is refused before the database is asked.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string PathFor(string token) => $"{DropInModule.BasePath}/inbjudan/{token}";

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
