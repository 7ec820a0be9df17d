using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SamordnaSignInManager signInManager, AppDbContext db, AuditLog audit, TimeProvider time, SessionEnds sessionEnds) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public sealed class ChangeInput
    {
        [Required(ErrorMessage = "Fyll i ditt nuvarande lösenord.")]
        [StringLength(200)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Välj ett nytt lösenord.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Det nya lösenordet måste vara minst 10 tecken.")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Upprepa det nya lösenordet.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Lösenorden är inte likadana.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
            if (result.Succeeded)
            {
                // Other devices are signed out; this one stays signed in.
                var current = Guid.TryParse(User.FindFirst(SamordnaSignInManager.SessionClaim)?.Value, out var sid) ? sid : Guid.Empty;
                var now = time.GetUtcNow();
                var others = await db.Set<UserSession>()
                    .Where(s => s.UserId == user.Id && s.RevokedAt == null && s.Id != current)
                    .Select(s => s.Id).ToListAsync();
                await db.Set<UserSession>()
                    .Where(s => others.Contains(s.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
                foreach (var other in others)
                {
                    sessionEnds.Ended(user.Id, other);
                }
                await signInManager.RefreshSignInAsync(user);
                await audit.WriteAsync(AuditActions.PasswordChanged, "User", user.Id.ToString());
                TempData["Status"] = "Ditt lösenord är bytt. Andra enheter har loggats ut.";
                return RedirectToPage("/Account/Index");
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }
        }
        return this.Invalid();
    }
}
