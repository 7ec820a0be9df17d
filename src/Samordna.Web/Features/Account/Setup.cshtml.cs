using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

/// <summary>First run in production: while no user exists, the first visitor creates the first administrator. Then 404.</summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class SetupModel(UserManager<AppUser> users, SamordnaSignInManager signInManager, AuditLog audit, TimeProvider time) : PageModel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Fyll i ditt namn.")]
        [StringLength(100, ErrorMessage = "Namnet får vara högst 100 tecken.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Fyll i din e-postadress.")]
        [EmailAddress(ErrorMessage = "Skriv en giltig e-postadress.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Välj ett lösenord.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Lösenordet måste vara minst 10 tecken.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Upprepa lösenordet.")]
        [Compare(nameof(Password), ErrorMessage = "Lösenorden är inte likadana.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await users.Users.AnyAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (await users.Users.AnyAsync())
            {
                return NotFound();
            }
            if (ModelState.IsValid)
            {
                var user = new AppUser
                {
                    UserName = Input.Email.Trim(),
                    Email = Input.Email.Trim(),
                    EmailConfirmed = true,
                    DisplayName = Input.Name.Trim(),
                    CreatedAt = time.GetUtcNow(),
                };
                var result = await users.CreateAsync(user, Input.Password);
                if (result.Succeeded)
                {
                    await users.AddToRoleAsync(user, Roles.Administrator);
                    await audit.WriteAsync(AuditActions.FirstAdministratorCreated, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
                    await signInManager.SignInAsync(user, isPersistent: false);
                    return Redirect(TwoFactorEnrolmentRedirect.EnrolPath + "?returnUrl=%2Fadmin");
                }
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
                }
            }
            return this.Invalid();
        }
        finally
        {
            Gate.Release();
        }
    }
}
