using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>Cancels an event ("Inställt"): everyone registered or waiting is told, with a calendar file that removes it.</summary>
public sealed class CancelModel(EventQueries queries, EventAdminService events) : PageModel
{
    [BindProperty]
    public string? Notice { get; set; }

    public CalendarEvent Current { get; private set; } = null!;

    public EventCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Notice = string.IsNullOrWhiteSpace(Notice) ? null : Notice.Trim().ReplaceLineEndings(" ");
        if (Notice is { Length: > CalendarEvent.NoticeMaxLength })
        {
            ModelState.AddModelError(nameof(Notice), RegistrationInput.TooLong("Meddelandet", CalendarEvent.NoticeMaxLength, Notice.Length));
        }
        if (Current.State is not (EventState.Published or EventState.Postponed))
        {
            ModelState.AddModelError(string.Empty, Current.State == EventState.Cancelled
                ? "Evenemanget är redan inställt."
                : "Ett utkast behöver inte ställas in; det syns inte för andra än redaktörer.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var told = await events.CancelEventAsync(id, Notice, User, cancellationToken);
        TempData["Status"] = string.Create(CultureInfo.InvariantCulture, $"Evenemanget är inställt. {told ?? 0} anmälda får ett mejl om det.");
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
