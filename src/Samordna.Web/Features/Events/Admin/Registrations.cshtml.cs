using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>
/// The registrations of one event: who has a place, who is waiting and who cancelled, with counts; giving a waiting
/// person a place, cancelling for someone, the CSV export (audited) and, once it has started, attendance. Opening
/// the list is a read of personal data and is written to the audit log.
/// </summary>
public sealed class RegistrationsModel(EventQueries queries, AppDbContext db, RegistrationService registrations,
    EventAdminService events, AuditLog audit, TimeProvider time) : PageModel
{
    public CalendarEvent Current { get; private set; } = null!;

    public EventCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<EventRegistration> Confirmed { get; private set; } = [];

    public IReadOnlyList<EventRegistration> Waitlisted { get; private set; } = [];

    public IReadOnlyList<EventRegistration> Cancelled { get; private set; } = [];

    public bool HasStarted => time.GetUtcNow() >= Current.StartsAt;

    public bool Anonymised => Current.AnonymisedAt is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await audit.WriteAsync(AuditActions.PersonalDataRead, EventAdminService.AuditSubject, id.ToString(CultureInfo.InvariantCulture),
            $"Anmälningarna till ”{Current.Title}” visades", cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(int id, CancellationToken cancellationToken)
    {
        var file = await events.ExportCsvAsync(id, cancellationToken);
        return file is { } csv ? File(csv.Content, "text/csv; charset=utf-8", csv.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostGivePlaceAsync(int id, int registrationId, CancellationToken cancellationToken)
    {
        var given = await registrations.GivePlaceAsync(id, registrationId, cancellationToken);
        TempData["Status"] = given
            ? "Personen har fått en plats och ett mejl om det."
            : "Personen stod inte längre på väntelistan, så ingenting ändrades.";
        return Redirect($"/redaktion/kalender/{id}/anmalningar");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, int registrationId, CancellationToken cancellationToken)
    {
        var belongs = await db.Set<EventRegistration>().AnyAsync(r => r.Id == registrationId && r.EventId == id, cancellationToken);
        if (!belongs)
        {
            return NotFound();
        }
        var outcome = await registrations.CancelAsync(registrationId, byOrganiser: true, cancellationToken);
        TempData["Status"] = outcome == CancelOutcome.Cancelled
            ? "Anmälan är avbokad och personen har fått ett mejl. Blev en plats ledig gick den till nästa på väntelistan."
            : "Anmälan var redan avbokad.";
        return Redirect($"/redaktion/kalender/{id}/anmalningar");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, List<int> attended, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!await events.SetAttendanceAsync(id, attended, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "Närvaron kan markeras först när evenemanget har börjat.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = string.Create(CultureInfo.InvariantCulture, $"Närvaron är sparad: {attended.Distinct().Count()} närvarade.");
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
        var all = await db.Set<EventRegistration>().AsNoTracking()
            .Where(r => r.EventId == id)
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        Confirmed = all.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        Waitlisted = all.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        Cancelled = all.Where(r => r.Status == RegistrationStatus.Cancelled).OrderByDescending(r => r.CancelledAt).ToList();
        return true;
    }
}
