using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Account;

/// <summary>Signing out is a POST (no state change on GET); the GET shows a button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SamordnaSignInManager signInManager, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            audit.Add(AuditActions.SignOut, "User", User.UserId()?.ToString());
            await signInManager.SignOutAsync();
        }
        return RedirectToPage("/Account/Logout");
    }
}
