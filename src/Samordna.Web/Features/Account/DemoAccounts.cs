using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Account;

/// <summary>
/// The demo's sign-ins. In Development only, the two-factor page shows the current code of a demo account whose
/// authenticator is still the published demo key, so a newcomer gets in within a minute without an app.
/// </summary>
public sealed class DemoAccounts(IHostEnvironment environment, TimeProvider time, UserManager<AppUser> users)
{
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    public const string Password = "Samordna-demo-2026";
    public const string Domain = "demo.samordna.se";

    public async Task<string?> CurrentCodeForAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!environment.IsDevelopment() || user.Email?.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        return key == AuthenticatorKey ? CodeAt(AuthenticatorKey, time.GetUtcNow()) : null;
    }

    /// <summary>RFC 6238 (HMAC-SHA1, 6 digits, 30 s), what authenticator apps compute.</summary>
    public static string CodeAt(string base32Key, DateTimeOffset at)
    {
        var key = FromBase32(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        for (var i = 7; i >= 0; i--)
        {
            message[i] = (byte)(counter & 0xff);
            counter >>= 8;
        }
#pragma warning disable CA5350 // TOTP (RFC 6238) as used by authenticator apps is defined on HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
