using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Identity;

/// <summary>Adds the display name and whether two-factor is enrolled, so policies need no database round trip.</summary>
public sealed class SamordnaClaimsFactory(UserManager<AppUser> userManager, RoleManager<AppRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "samordna:name";
    public const string TwoFactorEnrolledClaim = "samordna:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorEnrolledClaim, "true"));
        }
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(SamordnaClaimsFactory.DisplayNameClaim) ?? principal.Identity?.Name ?? "";

    public static bool IsPrivileged(this ClaimsPrincipal principal) => Roles.Privileged.Any(principal.IsInRole);

    public static bool HasTwoFactor(this ClaimsPrincipal principal) =>
        principal.HasClaim(SamordnaClaimsFactory.TwoFactorEnrolledClaim, "true");
}
