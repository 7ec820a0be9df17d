using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Account;

/// <summary>The device list: each sign-in is a session row; ending it signs that device out on its next request.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DevicesModel(AppDbContext db, UserManager<AppUser> users, SamordnaSignInManager signInManager, AuditLog audit, TimeProvider time, SessionEnds sessionEnds) : PageModel
{
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public Guid? CurrentSessionId { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        CurrentSessionId = Guid.TryParse(User.FindFirst(SamordnaSignInManager.SessionClaim)?.Value, out var sid) ? sid : null;
        Sessions = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var userId = User.UserId();
        var count = await db.Set<UserSession>()
            .Where(s => s.Id == id && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, time.GetUtcNow()));
        if (count > 0 && userId is { } owner)
        {
            await audit.WriteAsync(AuditActions.SessionRevoked, "UserSession", id.ToString());
            sessionEnds.Ended(owner, id);
        }
        TempData["Status"] = "Enheten är utloggad.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await db.Set<UserSession>()
            .Where(s => s.UserId == user.Id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, time.GetUtcNow()));
        // A new security stamp also invalidates "remember me" and any token issued before now.
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.SignOutEverywhere, "User", user.Id.ToString());
        sessionEnds.Ended(user.Id);
        await signInManager.SignOutAsync();
        TempData["Status"] = "Du är utloggad på alla enheter.";
        return RedirectToPage("/Account/Login");
    }
}
