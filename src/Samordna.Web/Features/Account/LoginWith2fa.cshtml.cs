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
public sealed class LoginWith2faModel(SamordnaSignInManager signInManager, AuditLog audit, DemoAccounts demo) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public string? DemoCode { get; private set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Fyll i den sexsiffriga koden från din app.")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Koden består av sex siffror.")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Status"] = "Inloggningen tog för lång tid. Logga in igen.";
            return RedirectToPage("/Account/Login", new { returnUrl = ReturnUrl });
        }
        DemoCode = await demo.CurrentCodeForAsync(user);
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
        DemoCode = await demo.CurrentCodeForAsync(user);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, "User", user.Id.ToString(), details: "Med tvåstegsverifiering", actorId: user.Id, actorName: user.UserName);
            return LocalRedirect(AccountHelpers.SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.SignInLockedOut, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
            ModelState.AddModelError(string.Empty, "Kontot är tillfälligt spärrat efter för många misslyckade försök. Försök igen om 15 minuter.");
            return this.Invalid();
        }
        await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(), details: "Fel kod i tvåstegsverifiering", actorId: user.Id, actorName: user.UserName);
        ModelState.AddModelError("Input.Code", "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök med nästa kod.");
        return this.Invalid();
    }

}
