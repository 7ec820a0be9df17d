using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Events;

/// <summary>
/// A person's own registration, reached through the secret link in their e-mails: see it, get the join link and
/// the calendar file, change name, organisation, phone and needs, or cancel.
/// </summary>
[AllowAnonymous]
public sealed class RegistrationModel(AppDbContext db, RegistrationService registrations, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public EventRegistration Registration { get; private set; } = null!;

    public CalendarEvent Item => Registration.Event!;

    /// <summary>Place on the waiting list (1 = next), while waiting.</summary>
    public int? WaitlistPosition { get; private set; }

    public bool HasStarted => time.GetUtcNow() >= Item.StartsAt;

    public bool RegistrationOpen => RegistrationRules.IsOpen(Item, time.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        Input = RegistrationInput.From(Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        if (Registration.Status == RegistrationStatus.Cancelled)
        {
            ModelState.AddModelError(string.Empty, "Anmälan är avbokad och kan inte ändras. Anmäl dig igen på evenemangets sida.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!Input.Validate(ModelState, registering: false) || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await registrations.UpdateDetailsAsync(Registration.Id, Input, cancellationToken);
        TempData["Status"] = "Dina uppgifter är sparade.";
        return Redirect(Registration.PersonalPath);
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await registrations.CancelAsync(Registration.Id, byOrganiser: false, cancellationToken);
        switch (outcome)
        {
            case CancelOutcome.NotFound:
                return NotFound();
            case CancelOutcome.TooLate:
                Input = RegistrationInput.From(Registration);
                ModelState.AddModelError(string.Empty, "Evenemanget har redan börjat, så anmälan kan inte avbokas längre.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case CancelOutcome.AlreadyCancelled:
                TempData["Status"] = "Anmälan var redan avbokad.";
                return Redirect(Registration.PersonalPath);
            default:
                TempData["Status"] = "Din anmälan är avbokad. Vi har skickat en bekräftelse till din e-post.";
                return Redirect(Registration.PersonalPath);
        }
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        // The address is the key: never cache it, never send it on to other sites.
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrEmpty(token) || token.Length > EventRegistration.TokenMaxLength)
        {
            return false;
        }
        var registration = await db.Set<EventRegistration>().AsNoTracking().Include(r => r.Event)
            .SingleOrDefaultAsync(r => r.Token == token, cancellationToken);
        if (registration is null)
        {
            return false;
        }
        Registration = registration;
        if (registration.Status == RegistrationStatus.Waitlisted)
        {
            WaitlistPosition = 1 + await db.Set<EventRegistration>().CountAsync(r =>
                r.EventId == registration.EventId && r.Status == RegistrationStatus.Waitlisted
                && (r.QueuedAt < registration.QueuedAt || (r.QueuedAt == registration.QueuedAt && r.Id < registration.Id)), cancellationToken);
        }
        return true;
    }
}
