using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Features.Account;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Admin;

/// <summary>
/// What administrators do to accounts. Each operation commits its change, its audit entry and its e-mail together,
/// and refuses what would leave the installation without an active administrator.
/// </summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    AppDbContext db,
    AuditLog audit,
    IEmailOutbox outbox,
    IOptionsSnapshot<SiteInfo> site,
    TimeProvider time,
    SessionEnds sessionEnds)
{
    /// <summary>Roles an administrator hands out here; participants join the drop-in through their own invitations.</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = [Roles.Administrator, Roles.Editor, Roles.Staff];

    public async Task<OperationResult> InviteAsync(string name, string email, IReadOnlyCollection<string> roles, string baseUrl)
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            return OperationResult.Fail("Input.Email", "Det finns redan ett konto med den e-postadressen.");
        }
        if (roles.Count == 0 || roles.Any(r => !AssignableRoles.Contains(r)))
        {
            return OperationResult.Fail("Input.Roles", "Välj minst en roll.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = name.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return OperationResult.Fail("Input.Email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
        await QueueInvitationAsync(user, baseUrl, 1);
        audit.Add(AuditActions.UserInvited, "User", user.Id.ToString(), $"{user.DisplayName} <{email}> som {string.Join(", ", roles.Select(Roles.SwedishName))}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return OperationResult.Ok(user.Id);
    }

    public async Task<OperationResult> ResendInvitationAsync(AppUser user, string baseUrl)
    {
        if (await users.HasPasswordAsync(user))
        {
            return OperationResult.Fail("", "Kontot är redan aktiverat.");
        }
        // A new stamp makes the earlier link stop working.
        await users.UpdateSecurityStampAsync(user);
        var count = await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.UserInvited && a.SubjectId == user.Id.ToString());
        await QueueInvitationAsync(user, baseUrl, count + 1);
        audit.Add(AuditActions.UserInvited, "User", user.Id.ToString(), "Inbjudan skickad igen");
        await db.SaveChangesAsync();
        return OperationResult.Ok(user.Id);
    }

    private async Task QueueInvitationAsync(AppUser user, string baseUrl, int sequence)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, ResetPasswordModel.InvitationPurpose);
        var link = QueryHelpers.AddQueryString($"{baseUrl}/konto/aterstall-losenord", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = token,
            ["invitation"] = "true",
        });
        var siteName = site.Value.Name;
        var content = EmailTemplate.Render(siteName,
            $"Välkommen till {siteName}",
            [
                $"Hej {user.DisplayName}!",
                $"Du har fått ett konto i {siteName}s system. Välj ett lösenord via knappen nedan. Länken gäller i sju dagar och kan bara användas en gång.",
                "Efter att du har valt lösenord loggar du in och kopplar en autentiseringsapp i telefonen (tvåstegsverifiering), eftersom du kommer att arbeta med personuppgifter.",
            ],
            "Välj lösenord och aktivera kontot", link,
            "Har du inte väntat dig den här inbjudan kan du bortse från meddelandet.");
        outbox.Enqueue(new EmailMessage(user.Email!, $"Inbjudan till {siteName}", content.Html, content.Text, $"invite:{user.Id}:{sequence}"));
    }

    public async Task<OperationResult> SetRolesAsync(AppUser user, IReadOnlyCollection<string> wanted, Guid actingUserId)
    {
        var current = await users.GetRolesAsync(user);
        var toAdd = wanted.Where(r => AssignableRoles.Contains(r) && !current.Contains(r)).ToList();
        var toRemove = current.Where(r => AssignableRoles.Contains(r) && !wanted.Contains(r)).ToList();
        if (toRemove.Contains(Roles.Administrator))
        {
            if (user.Id == actingUserId)
            {
                return OperationResult.Fail("", "Du kan inte ta bort din egen administratörsroll. Be en annan administratör göra det.");
            }
            if (await ActiveAdministratorsAsync() <= 1)
            {
                return OperationResult.Fail("", "Det måste finnas minst en aktiv administratör.");
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var role in toAdd)
        {
            await users.AddToRoleAsync(user, role);
            audit.Add(AuditActions.RoleAdded, "User", user.Id.ToString(), $"{user.DisplayName}: {Roles.SwedishName(role)}");
        }
        foreach (var role in toRemove)
        {
            await users.RemoveFromRoleAsync(user, role);
            audit.Add(AuditActions.RoleRemoved, "User", user.Id.ToString(), $"{user.DisplayName}: {Roles.SwedishName(role)}");
        }
        // The person's other sessions pick up the new roles at once.
        await users.UpdateSecurityStampAsync(user);
        await RevokeSessionsAsync(user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        sessionEnds.Ended(user.Id);
        return OperationResult.Ok(user.Id);
    }

    public async Task<OperationResult> DisableAsync(AppUser user, Guid actingUserId)
    {
        if (user.Id == actingUserId)
        {
            return OperationResult.Fail("", "Du kan inte stänga av ditt eget konto.");
        }
        if (await users.IsInRoleAsync(user, Roles.Administrator) && await ActiveAdministratorsAsync() <= 1)
        {
            return OperationResult.Fail("", "Det måste finnas minst en aktiv administratör.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await RevokeSessionsAsync(user.Id);
        audit.Add(AuditActions.UserDisabled, "User", user.Id.ToString(), user.DisplayName);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        sessionEnds.Ended(user.Id);
        return OperationResult.Ok(user.Id);
    }

    public async Task<OperationResult> EnableAsync(AppUser user)
    {
        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        audit.Add(AuditActions.UserEnabled, "User", user.Id.ToString(), user.DisplayName);
        await db.SaveChangesAsync();
        return OperationResult.Ok(user.Id);
    }

    /// <summary>For someone who lost their phone: they enrol a new authenticator at their next sign-in.</summary>
    public async Task<OperationResult> ResetTwoFactorAsync(AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await RevokeSessionsAsync(user.Id);
        audit.Add(AuditActions.TwoFactorReset, "User", user.Id.ToString(), $"{user.DisplayName}: återställd av administratör");
        await db.SaveChangesAsync();
        sessionEnds.Ended(user.Id);
        return OperationResult.Ok(user.Id);
    }

    private async Task RevokeSessionsAsync(Guid userId) =>
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, time.GetUtcNow()));

    private async Task<int> ActiveAdministratorsAsync()
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return admins.Count(a => !a.IsDisabled);
    }
}

public sealed record OperationResult(bool Succeeded, Guid? Id, string? Field, string? Error)
{
    public static OperationResult Ok(Guid id) => new(true, id, null, null);

    public static OperationResult Fail(string field, string error) => new(false, null, field, error);
}
