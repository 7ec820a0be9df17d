using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Identity;

/// <summary>
/// Identity's sign-in manager with two additions: a disabled account cannot sign in, and every sign-in creates a
/// <see cref="UserSession"/> (one per device) whose id travels in the cookie, so a device can be signed out remotely.
/// </summary>
public sealed class SamordnaSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db,
    TimeProvider time)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string SessionClaim = "sid";

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var sessionId = await CurrentSessionOfAsync(user.Id);
        if (sessionId is null)
        {
            var session = new UserSession
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                CreatedAt = now,
                LastSeenAt = now,
                Device = DeviceDescription.From(Context.Request.Headers.UserAgent.ToString()),
            };
            db.Add(session);
            sessionId = session.Id;
            user.LastSignInAt = now;
            await db.SaveChangesAsync();
        }
        var claims = additionalClaims.Append(new Claim(SessionClaim, sessionId.Value.ToString()));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>A refresh (after a password change or 2FA enrolment) keeps the device's existing session.</summary>
    private async Task<Guid?> CurrentSessionOfAsync(Guid userId)
    {
        var principal = Context.User;
        if (principal.Identity?.IsAuthenticated != true
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) != userId.ToString()
            || !Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sid))
        {
            return null;
        }
        var alive = await db.Set<UserSession>().AnyAsync(s => s.Id == sid && s.RevokedAt == null);
        return alive ? sid : null;
    }

    public override async Task SignOutAsync()
    {
        if (Guid.TryParse(Context.User.FindFirstValue(SessionClaim), out var sid))
        {
            await db.Set<UserSession>().Where(s => s.Id == sid && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, time.GetUtcNow()));
        }
        await base.SignOutAsync();
    }
}

/// <summary>Turns a User-Agent header into "Firefox på Windows" without storing the raw header.</summary>
public static class DeviceDescription
{
    public static string From(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Okänd enhet";
        }
        string browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "Webbläsare",
        };
        string os = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "okänt system",
        };
        return $"{browser} på {os}";
    }
}
