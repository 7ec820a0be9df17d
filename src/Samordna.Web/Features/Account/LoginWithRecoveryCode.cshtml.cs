using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
public sealed class LoginWithRecoveryCodeModel(SamordnaSignInManager signInManager, AuditLog audit) : PageModel
{
    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Fyll i en återställningskod.")]
        [StringLength(40, ErrorMessage = "Koden är för lång.")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            TempData["Status"] = "Inloggningen tog för lång tid. Logga in igen.";
            return RedirectToPage("/Account/Login", new { returnUrl = ReturnUrl });
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Status"] = "Inloggningen tog för lång tid. Logga in igen.";
            return RedirectToPage("/Account/Login", new { returnUrl = ReturnUrl });
        }
        if (ModelState.IsValid)
        {
            var code = Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim();
            var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
            if (result.Succeeded)
            {
                await audit.WriteAsync(AuditActions.RecoveryCodeUsed, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
                TempData["Status"] = "Du loggade in med en återställningskod. Skapa nya koder under Tvåstegsverifiering om du har få kvar.";
                return LocalRedirect(AccountHelpers.SafeReturnUrl(ReturnUrl));
            }
            await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(), details: "Fel återställningskod", actorId: user.Id, actorName: user.UserName);
            ModelState.AddModelError("Input.RecoveryCode", result.IsLockedOut
                ? "Kontot är tillfälligt spärrat efter för många misslyckade försök."
                : "Koden är fel eller redan använd.");
        }
        return this.Invalid();
    }
}
