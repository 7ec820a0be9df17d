using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Account;

/// <summary>One's own profile: reachable by every signed-in account, even staff who have not enrolled two-factor yet.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public string UserName { get; private set; } = "";
    public IList<string> Roles { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }
    public List<(string Href, string Text)> Areas { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        DisplayName = user.DisplayName;
        Email = user.Email;
        UserName = user.UserName ?? "";
        Roles = await users.GetRolesAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (Roles.Contains(Platform.Identity.Roles.Administrator))
        {
            Areas.Add(("/admin", "Administration"));
        }
        if (Roles.Contains(Platform.Identity.Roles.Editor) || Roles.Contains(Platform.Identity.Roles.Administrator))
        {
            Areas.Add(("/redaktion", "Redaktion"));
        }
        if (Roles.Contains(Platform.Identity.Roles.Staff) || Roles.Contains(Platform.Identity.Roles.Participant))
        {
            Areas.Add(("/motesplats", "Mötesplats"));
        }
        return Page();
    }
}
