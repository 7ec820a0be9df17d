using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
public sealed class LoginModel(SamordnaSignInManager signInManager, UserManager<AppUser> users, AuditLog audit) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Fyll i din e-postadress eller ditt användarnamn.")]
        [StringLength(256, ErrorMessage = "E-postadressen eller användarnamnet är för långt.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Fyll i ditt lösenord.")]
        [StringLength(200, ErrorMessage = "Lösenordet är för långt.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(AccountHelpers.SafeReturnUrl(ReturnUrl));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var name = Input.Email.Trim();
        var user = await users.FindByEmailAsync(name) ?? await users.FindByNameAsync(name);
        if (user is null)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, details: "Okänt konto", actorName: name);
            ModelState.AddModelError(string.Empty, "Fel e-postadress, användarnamn eller lösenord.");
            return Invalid();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
            return LocalRedirect(AccountHelpers.SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.SignInLockedOut, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
            ModelState.AddModelError(string.Empty, "Kontot är tillfälligt spärrat efter för många misslyckade försök. Försök igen om 15 minuter, eller återställ lösenordet.");
            return Invalid();
        }
        if (result.IsNotAllowed)
        {
            await audit.WriteAsync(AuditActions.SignInRefused, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
            ModelState.AddModelError(string.Empty, user.IsDisabled
                ? "Kontot är avstängt. Kontakta förbundet om du tror att det är fel."
                : "Kontot är inte aktiverat ännu. Använd länken i inbjudan du fick via e-post.");
            return Invalid();
        }
        await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(), details: "Fel lösenord", actorId: user.Id, actorName: user.UserName);
        ModelState.AddModelError(string.Empty, "Fel e-postadress, användarnamn eller lösenord.");
        return Invalid();
    }

    private PageResult Invalid()
    {
        Input.Password = "";
        return PageModelExtensions.Invalid(this);
    }
}
