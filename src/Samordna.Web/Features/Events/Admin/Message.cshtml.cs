using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>An e-mail to everyone with a place (and, if chosen, everyone waiting), e.g. practical details the day before.</summary>
public sealed class MessageModel(EventQueries queries, EventAdminService events) : PageModel
{
    public const int SubjectMaxLength = 150;
    public const int BodyMaxLength = 10_000;

    [BindProperty]
    public MessageInput Input { get; set; } = new();

    /// <summary>Made when the form is shown; a second press of the button sends nothing more.</summary>
    [BindProperty]
    public Guid MessageId { get; set; }

    public CalendarEvent Current { get; private set; } = null!;

    public EventCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        MessageId = Guid.NewGuid();
        Input.Subject = "Information om " + Current.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input.Subject = Input.Subject?.Trim();
        Input.Body = Input.Body?.Trim();
        RegistrationInput.Required(ModelState, "Input.Subject", Input.Subject, SubjectMaxLength, "Skriv en ämnesrad.", "Ämnesraden");
        RegistrationInput.Required(ModelState, "Input.Body", Input.Body, BodyMaxLength, "Skriv meddelandet.", "Meddelandet");
        if (MessageId == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, "Formuläret saknar sitt id. Ladda om sidan och försök igen.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var sent = await events.MessageAsync(id, MessageId, Input.Subject!, Input.Body!, Input.IncludeWaitlist, cancellationToken);
        TempData["Status"] = sent == 0
            ? "Det fanns ingen att skicka till."
            : string.Create(CultureInfo.InvariantCulture, $"Meddelandet skickas till {sent} personer.");
        return Redirect($"/redaktion/kalender/{id}/anmalningar");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var current = await queries.ByIdAsync(id, cancellationToken);
        if (current is null)
        {
            return false;
        }
        Current = current;
        Counts = await queries.CountsAsync(id, cancellationToken);
        return true;
    }
}

public sealed class MessageInput
{
    public string? Subject { get; set; }

    public string? Body { get; set; }

    public bool IncludeWaitlist { get; set; }
}
