using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

/// <summary>
/// Sets a password from an e-mailed link: a forgotten-password reset, or (with invitation=true) the first password
/// of an invited staff member. Tokens are bound to the security stamp, so each link works once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, AppDbContext db, AuditLog audit, TimeProvider time, SessionEnds sessionEnds) : PageModel
{
    public const string InvitationPurpose = "Invitation";

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "invitation")]
    public bool IsInvitation { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public string? LinkProblem { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Välj ett lösenord.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Lösenordet måste vara minst 10 tecken.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Upprepa lösenordet.")]
        [Compare(nameof(Password), ErrorMessage = "Lösenorden är inte likadana.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindUserAsync();
        if (user is null || !await TokenIsValidAsync(user))
        {
            return LinkBroken();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindUserAsync();
        if (user is null || !await TokenIsValidAsync(user))
        {
            return LinkBroken();
        }
        if (ModelState.IsValid)
        {
            IdentityResult result;
            if (IsInvitation)
            {
                result = await users.AddPasswordAsync(user, Input.Password);
                if (result.Succeeded)
                {
                    user.EmailConfirmed = true;
                    result = await users.UpdateAsync(user);
                }
            }
            else
            {
                result = await users.ResetPasswordAsync(user, Code!, Input.Password);
            }
            if (result.Succeeded)
            {
                // A new password ends every other device's session; the person signs in again.
                await db.Set<UserSession>().Where(s => s.UserId == user.Id && s.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, time.GetUtcNow()));
                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                await audit.WriteAsync(IsInvitation ? AuditActions.UserActivated : AuditActions.PasswordReset, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
                sessionEnds.Ended(user.Id);
                TempData["Status"] = IsInvitation
                    ? "Ditt konto är aktiverat. Logga in med din e-postadress och ditt nya lösenord."
                    : "Ditt lösenord är bytt. Logga in med det nya lösenordet.";
                return RedirectToPage("/Account/Login");
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }
        return this.Invalid();
    }

    private async Task<AppUser?> FindUserAsync() =>
        string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) ? null : await users.FindByIdAsync(UserId);

    private async Task<bool> TokenIsValidAsync(AppUser user)
    {
        if (user.IsDisabled)
        {
            return false;
        }
        if (IsInvitation)
        {
            return !await users.HasPasswordAsync(user)
                && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationPurpose, Code!);
        }
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, Code!);
    }

    private PageResult LinkBroken()
    {
        LinkProblem = IsInvitation
            ? "Inbjudningslänken är ogiltig, redan använd eller har gått ut. Be en administratör att skicka en ny inbjudan."
            : "Länken är ogiltig, redan använd eller har gått ut. Begär en ny länk nedan.";
        return this.Invalid();
    }
}
