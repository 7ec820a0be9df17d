using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>
/// Edits an event. Moving the time or place tells everyone registered (with their updated calendar file); more
/// places go to the waiting list at once.
/// </summary>
public sealed class EditModel(EventQueries queries, EventAdminService events) : EventFormPage
{
    public CalendarEvent Current { get; private set; } = null!;

    public EventCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = EventInput.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Input.Validate(ModelState) || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var publish = intent == PublishIntent;
        var result = await events.UpdateAsync(id, Input, publish, User, cancellationToken);
        if (!result.Found)
        {
            return NotFound();
        }
        var status = new StringBuilder(publish && Current.State == EventState.Draft ? "Evenemanget är publicerat." : "Ändringarna är sparade.");
        if (result.Told > 0)
        {
            status.Append(System.Globalization.CultureInfo.InvariantCulture, $" Tiden eller platsen ändrades, så {result.Told} anmälda har fått ett mejl med den nya kalenderfilen.");
        }
        if (result.Promoted > 0)
        {
            status.Append(System.Globalization.CultureInfo.InvariantCulture, $" {result.Promoted} på väntelistan fick plats och har fått besked.");
        }
        TempData["Status"] = status.ToString();
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
