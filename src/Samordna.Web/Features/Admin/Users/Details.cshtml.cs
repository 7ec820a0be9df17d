using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Admin.Users;

public sealed class DetailsModel(UserManager<AppUser> users, UserAdministration administration, AppDbContext db) : PageModel
{
    public AppUser Person { get; private set; } = null!;
    public IList<string> CurrentRoles { get; private set; } = [];
    public bool HasPassword { get; private set; }
    public int ActiveSessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(Guid id, List<string> roles) =>
        await RunAsync(id, user => administration.SetRolesAsync(user, roles, User.UserId() ?? Guid.Empty), "Rollerna är sparade.");

    public async Task<IActionResult> OnPostDisableAsync(Guid id) =>
        await RunAsync(id, user => administration.DisableAsync(user, User.UserId() ?? Guid.Empty), "Kontot är avstängt och utloggat på alla enheter.");

    public async Task<IActionResult> OnPostEnableAsync(Guid id) =>
        await RunAsync(id, administration.EnableAsync, "Kontot är återaktiverat.");

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id) =>
        await RunAsync(id, administration.ResetTwoFactorAsync, "Tvåstegsverifieringen är återställd. Personen kopplar en ny app vid nästa inloggning.");

    public async Task<IActionResult> OnPostResendAsync(Guid id) =>
        await RunAsync(id, user => administration.ResendInvitationAsync(user, $"{Request.Scheme}://{Request.Host}{Request.PathBase}"), "Inbjudan är skickad igen. Den tidigare länken slutar fungera.");

    private async Task<IActionResult> RunAsync(Guid id, Func<AppUser, Task<OperationResult>> operation, string done)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        var result = await operation(user);
        if (result.Succeeded)
        {
            TempData["Status"] = done;
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError(result.Field ?? "", result.Error!);
        await LoadAsync(id);
        return this.Invalid();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return false;
        }
        Person = user;
        CurrentRoles = await users.GetRolesAsync(user);
        HasPassword = await users.HasPasswordAsync(user);
        ActiveSessions = await db.Set<UserSession>().CountAsync(s => s.UserId == id && s.RevokedAt == null);
        return true;
    }
}
