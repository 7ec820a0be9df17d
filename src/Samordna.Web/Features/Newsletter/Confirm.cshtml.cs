using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// The confirmation link (double opt-in). Opening it changes nothing, since mail scanners open links too; the
/// button confirms. The link expires after seven days.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(NewsletterTokens tokens, SubscriptionService subscriptions) : PageModel
{
    [FromQuery(Name = "t")]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public ConfirmOutcome? Outcome { get; private set; }

    public string? PreferencesUrl { get; private set; }

    public IActionResult OnGet()
    {
        Valid = tokens.ReadConfirmation(Token) is not null;
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = tokens.ReadConfirmation(Token);
        Outcome = id is null ? ConfirmOutcome.Invalid : await subscriptions.ConfirmAsync(id.Value, cancellationToken);
        if (Outcome == ConfirmOutcome.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        PreferencesUrl = "/nyhetsbrev/installningar?t=" + tokens.ForManagement(id!.Value);
        return Page();
    }
}
