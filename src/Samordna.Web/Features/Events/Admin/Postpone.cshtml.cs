using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>
/// Postpones an event ("Uppskjutet"): to a new time (registrations stay; everyone gets the updated calendar file), or
/// until a date is set ("Vi återkommer med nytt datum"). A postponed event can be given its new time here later.
/// </summary>
public sealed class PostponeModel(EventQueries queries, EventAdminService events) : PageModel
{
    public const string NewDate = "nytt-datum";
    public const string Later = "senare";

    [BindProperty]
    public PostponeInput Input { get; set; } = new();

    public CalendarEvent Current { get; private set; } = null!;

    public EventCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input.Notice = Current.State == EventState.Postponed ? Current.Notice : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var start = EventTime.ParseInput(Input.StartsAt);
        var end = EventTime.ParseInput(Input.EndsAt);
        var deadline = EventTime.ParseInput(Input.RegistrationClosesAt);
        Input.Notice = string.IsNullOrWhiteSpace(Input.Notice) ? null : Input.Notice.Trim().ReplaceLineEndings(" ");
        if (Input.Choice is not (NewDate or Later))
        {
            ModelState.AddModelError("Input.Choice", "Välj om evenemanget får ett nytt datum nu eller senare.");
        }
        if (Input.Choice == NewDate)
        {
            if (start is null)
            {
                ModelState.AddModelError("Input.StartsAt", "Ange den nya starttiden som datum och klockslag.");
            }
            if (end is null)
            {
                ModelState.AddModelError("Input.EndsAt", "Ange den nya sluttiden som datum och klockslag.");
            }
            else if (start is not null && end <= start)
            {
                ModelState.AddModelError("Input.EndsAt", "Sluttiden måste vara efter starttiden.");
            }
            if (!string.IsNullOrWhiteSpace(Input.RegistrationClosesAt) && deadline is null)
            {
                ModelState.AddModelError("Input.RegistrationClosesAt", "Ange sista anmälningsdag som datum och klockslag, eller lämna fältet tomt.");
            }
            else if (deadline is not null && start is not null && deadline > start)
            {
                ModelState.AddModelError("Input.RegistrationClosesAt", "Sista anmälningsdag kan inte vara efter starten.");
            }
        }
        if (Input.Notice is { Length: > CalendarEvent.NoticeMaxLength })
        {
            ModelState.AddModelError("Input.Notice", RegistrationInput.TooLong("Meddelandet", CalendarEvent.NoticeMaxLength, Input.Notice.Length));
        }
        if (Current.State is not (EventState.Published or EventState.Postponed))
        {
            ModelState.AddModelError(string.Empty, "Bara ett publicerat evenemang kan skjutas upp.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var withDate = Input.Choice == NewDate;
        var told = await events.PostponeAsync(id, withDate ? start : null, withDate ? end : null, withDate ? deadline : null, Input.Notice, User, cancellationToken);
        TempData["Status"] = string.Create(CultureInfo.InvariantCulture,
            $"Evenemanget är uppskjutet{(withDate ? " till " + EventTime.Describe(start!.Value, end!.Value) : "; nytt datum meddelas senare")}. {told ?? 0} anmälda får ett mejl om det.");
        return Redirect($"/redaktion/kalender/{id}");
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

public sealed class PostponeInput
{
    public string? Choice { get; set; } = PostponeModel.NewDate;

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? RegistrationClosesAt { get; set; }

    public string? Notice { get; set; }
}
