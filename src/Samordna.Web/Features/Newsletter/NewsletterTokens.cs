using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// Signed links for subscribers who have no account: a confirmation token that expires after seven days, and a
/// management token (preferences, unsubscribe, one-click) that lasts as long as the subscriber. Both are protected
/// with the installation's Data Protection keys, which live in the database and so survive restarts.
/// </summary>
public sealed class NewsletterTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector confirm = provider.CreateProtector("Samordna.Newsletter", "confirm.v1");
    private readonly IDataProtector manage = provider.CreateProtector("Samordna.Newsletter", "manage.v1");

    public string ForConfirmation(Guid subscriberId) =>
        Protect(confirm, $"{subscriberId:N}|{time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    public string ForManagement(Guid subscriberId) => Protect(manage, subscriberId.ToString("N"));

    /// <summary>The subscriber of a confirmation link, or null if the link is forged, damaged or older than seven days.</summary>
    public Guid? ReadConfirmation(string? token)
    {
        var payload = Unprotect(confirm, token);
        var parts = payload?.Split('|');
        if (parts is not { Length: 2 } || !Guid.TryParseExact(parts[0], "N", out var id) ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age <= ConfirmationLifetime && age >= TimeSpan.FromMinutes(-5) ? id : null;
    }

    public Guid? ReadManagement(string? token)
    {
        var payload = Unprotect(manage, token);
        return payload is not null && Guid.TryParseExact(payload, "N", out var id) ? id : null;
    }

    private static string Protect(IDataProtector protector, string payload) =>
        WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
