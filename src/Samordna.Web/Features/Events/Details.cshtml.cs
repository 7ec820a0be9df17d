using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Events;

/// <summary>
/// One event and its registration form. Drafts are seen only by editors (as a preview); invite-only events only
/// with the invitation code in the address; members-only events only by signed-in people.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class DetailsModel(EventQueries queries, RegistrationService registrations, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    /// <summary>Made when the form is shown; a second post of the same form is recognised by it.</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public CalendarEvent Item { get; private set; } = null!;

    public EventCounts Counts { get; private set; } = new(0, 0, 0, 0);

    /// <summary>Why the form is not shown; null while registration is open.</summary>
    public string? ClosedReason { get; private set; }

    /// <summary>Set when the address was already registered: the person was mailed their link again.</summary>
    public bool AlreadyRegistered { get; private set; }

    public bool IsEditor => User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(string slug, string? inbjudan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, inbjudan, cancellationToken) is { } denied)
        {
            return denied;
        }
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? inbjudan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, inbjudan, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (ClosedReason is not null)
        {
            ModelState.AddModelError(string.Empty, ClosedReason);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!Input.Validate(ModelState, registering: true) || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }
        var result = await registrations.RegisterAsync(Item.Id, Input, SubmissionId, EventLinks.BaseUrlOf(Request), cancellationToken);
        switch (result.Outcome)
        {
            case RegistrationOutcome.NotFound:
                return NotFound();
            case RegistrationOutcome.Closed:
                ClosedReason = result.Reason;
                ModelState.AddModelError(string.Empty, result.Reason ?? "Anmälan är stängd.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case RegistrationOutcome.AlreadyRegistered:
                AlreadyRegistered = true;
                return Page();
            default:
                TempData["Status"] = result.Outcome == RegistrationOutcome.Confirmed
                    ? "Tack! Du är anmäld. Vi har skickat en bekräftelse till din e-post. Spara gärna den här sidan: här ser, ändrar eller avbokar du din anmälan."
                    : "Tack! Alla platser är tagna, så du står på väntelistan. Får du en plats mejlar vi dig. Här ser du din anmälan och kan avboka den.";
                return Redirect(result.Registration!.PersonalPath);
        }
    }

    /// <summary>Loads the event and decides who may see it; returns the refusal, or null when the page can be shown.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, string? inviteCode, CancellationToken cancellationToken)
    {
        var item = await queries.BySlugAsync(slug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!IsEditor)
        {
            if (item.State == EventState.Draft)
            {
                return NotFound();
            }
            if (item.Audience == EventAudience.InviteOnly && !SameCode(item.InviteCode, inviteCode))
            {
                return NotFound();
            }
            if (item.Audience == EventAudience.MembersOnly && !EventAccess.IsMember(User))
            {
                // Visitors are asked to sign in; a signed-in participant is not a member organisation's staff.
                return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
            }
        }
        Item = item;
        Counts = await queries.CountsAsync(item.Id, cancellationToken);
        ClosedReason = RegistrationRules.WhyClosed(item, time.GetUtcNow());
        return null;
    }

    private static bool SameCode(string? expected, string? given) =>
        expected is not null && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
