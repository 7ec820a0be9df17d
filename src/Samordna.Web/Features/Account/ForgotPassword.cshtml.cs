using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

/// <summary>The same answer whether or not the address has an account, so the form reveals nothing.</summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IEmailOutbox outbox, AppDbContext db, AuditLog audit, IOptionsSnapshot<SiteInfo> site) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Fyll i din e-postadress.")]
        [EmailAddress(ErrorMessage = "Skriv en giltig e-postadress, till exempel namn@kommun.se.")]
        [StringLength(256, ErrorMessage = "E-postadressen är för lång.")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && !user.IsDisabled && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = QueryHelpers.AddQueryString($"{Request.Scheme}://{Request.Host}{Request.PathBase}/konto/aterstall-losenord",
                new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = token });
            var content = EmailTemplate.Render(site.Value.Name,
                "Välj ett nytt lösenord",
                [
                    $"Hej {user.DisplayName}!",
                    "Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord till ditt konto. Länken gäller i två timmar och kan bara användas en gång.",
                    "Om det inte var du kan du bortse från det här meddelandet; ditt lösenord ändras inte.",
                ],
                "Välj nytt lösenord", link);
            outbox.Enqueue(new EmailMessage(user.Email!, "Återställ ditt lösenord", content.Html, content.Text));
            audit.Add(AuditActions.PasswordResetRequested, "User", user.Id.ToString(), actorId: user.Id, actorName: user.UserName);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
