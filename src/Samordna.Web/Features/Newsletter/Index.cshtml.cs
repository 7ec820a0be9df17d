using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// Sign-up. Whatever the address's state, a valid sign-up leads to the same thank-you page, so the form cannot be
/// used to find out who subscribes. The form is rate-limited per IP and has a honeypot field.
/// The start page is output-cached for everyone, so its sign-up block carries no antiforgery token (a cached token
/// would belong to another visitor). A post without a valid token therefore saves nothing: it shows this page with
/// the values filled in and a fresh token, and the visitor presses "Prenumerera" once more.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class IndexModel(SubscriptionService subscriptions, IAntiforgery antiforgery) : PageModel
{
    /// <summary>True when the values came without a valid token (from the start page) and need one more press.</summary>
    public bool NeedsConfirmation { get; private set; }

    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public SignUpForm Form { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var lists = await subscriptions.ListsAsync(cancellationToken);
        Input.ListIds = lists.Count > 0 ? [lists[0].Id] : [];
        Form = new SignUpForm { Input = Input, Lists = lists };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A robot filled in the hidden field: thank it and do nothing.
            return RedirectToPage("/Newsletter/Thanks");
        }
        var lists = await subscriptions.ListsAsync(cancellationToken);
        var email = Input.Validate(ModelState, lists.Select(l => l.Id).ToList());
        if (email is null)
        {
            Form = new SignUpForm { Input = Input, Lists = lists };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            NeedsConfirmation = true;
            Form = new SignUpForm { Input = Input, Lists = lists };
            return Page();
        }
        await subscriptions.SignUpAsync(email, Input.Name, Input.ListIds, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", cancellationToken);
        return RedirectToPage("/Newsletter/Thanks");
    }
}
