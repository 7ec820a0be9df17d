using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events;

/// <summary>
/// The editors' side of the calendar: creating and changing events (telling registered people when the time or
/// place moves), cancelling, postponing, messages to everyone registered, attendance and the CSV export.
/// </summary>
public sealed class EventAdminService(AppDbContext db, RegistrationService registrations, EventMails mails, AuditLog audit, TimeProvider time,
    PublicPageCache cache, ISearchIndex search, MarkdownRenderer markdown)
{
    public const string AuditSubject = "Event";
    public const string MessageSentAction = "event.message";

    public async Task<CalendarEvent> CreateAsync(EventInput input, bool publish, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var calendarEvent = new CalendarEvent
        {
            Uid = Guid.NewGuid(),
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedByName = NameOf(user),
            State = publish ? EventState.Published : EventState.Draft,
            Capacity = input.Places,
        };
        input.ApplyTo(calendarEvent);
        var words = Slugs.From(input.Title, CalendarEvent.SlugMaxLength - 15);
        var baseSlug = input.Start.ToStockholmDate() + "-" + (words.Length > 0 ? words : "evenemang");
        var slug = baseSlug;
        for (var n = 2; await db.Set<CalendarEvent>().AnyAsync(e => e.Slug == slug, cancellationToken); n++)
        {
            slug = baseSlug + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        calendarEvent.Slug = slug;
        db.Add(calendarEvent);
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync(calendarEvent, cancellationToken);
        return calendarEvent;
    }

    /// <summary>
    /// Saves the form. A change of time, place or link raises the calendar SEQUENCE and, for a published event,
    /// e-mails everyone registered their updated calendar file; more places go to the waiting list at once.
    /// </summary>
    public async Task<UpdateResult> UpdateAsync(int id, EventInput input, bool publish, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await registrations.LockAsync(id, cancellationToken);
        if (calendarEvent is null)
        {
            return new UpdateResult(false, 0, 0);
        }
        var now = time.GetUtcNow();
        var before = (calendarEvent.StartsAt, calendarEvent.EndsAt, calendarEvent.IsOnline, calendarEvent.Location, calendarEvent.JoinUrl);
        var calendarBefore = (before, calendarEvent.Title, calendarEvent.Summary, calendarEvent.Kind, calendarEvent.ContactEmail, calendarEvent.Organiser);
        input.ApplyTo(calendarEvent);
        var after = (calendarEvent.StartsAt, calendarEvent.EndsAt, calendarEvent.IsOnline, calendarEvent.Location, calendarEvent.JoinUrl);
        var calendarAfter = (after, calendarEvent.Title, calendarEvent.Summary, calendarEvent.Kind, calendarEvent.ContactEmail, calendarEvent.Organiser);
        if (publish && calendarEvent.State == EventState.Draft)
        {
            calendarEvent.State = EventState.Published;
        }
        if (calendarBefore != calendarAfter)
        {
            calendarEvent.Sequence++;
        }
        calendarEvent.Capacity = input.Places;
        calendarEvent.UpdatedAt = now;
        calendarEvent.UpdatedByName = NameOf(user);
        await db.SaveChangesAsync(cancellationToken);

        var told = 0;
        if (before != after && calendarEvent.State != EventState.Draft && !EventCalendarFiles.IsOff(calendarEvent) && calendarEvent.EndsAt > now)
        {
            foreach (var registration in await ActiveAsync(id, includeWaitlist: true, cancellationToken))
            {
                mails.EventChanged(calendarEvent, registration);
                told++;
            }
        }
        var promoted = await registrations.FillFreePlacesAsync(calendarEvent, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(calendarEvent, cancellationToken);
        return new UpdateResult(true, told, promoted);
    }

    /// <summary>Cancels the event ("Inställt") and tells everyone registered or waiting, with a cancelling calendar file.</summary>
    public async Task<int?> CancelEventAsync(int id, string? notice, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await registrations.LockAsync(id, cancellationToken);
        if (calendarEvent is null || calendarEvent.State == EventState.Cancelled)
        {
            return null;
        }
        calendarEvent.State = EventState.Cancelled;
        calendarEvent.Notice = notice;
        calendarEvent.NewDateToBeAnnounced = false;
        calendarEvent.Sequence++;
        calendarEvent.UpdatedAt = time.GetUtcNow();
        calendarEvent.UpdatedByName = NameOf(user);
        var told = 0;
        if (calendarEvent.IsPublished)
        {
            foreach (var registration in await ActiveAsync(id, includeWaitlist: true, cancellationToken))
            {
                mails.EventCancelled(calendarEvent, registration);
                told++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(calendarEvent, cancellationToken);
        return told;
    }

    /// <summary>
    /// Postpones the event ("Uppskjutet"): to a new time, when given (registrations stay; everyone gets the updated
    /// calendar file), or until further notice ("Vi återkommer med nytt datum"). Returns how many were told.
    /// </summary>
    public async Task<int?> PostponeAsync(int id, DateTimeOffset? newStart, DateTimeOffset? newEnd, DateTimeOffset? newDeadline, string? notice,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await registrations.LockAsync(id, cancellationToken);
        if (calendarEvent is null || calendarEvent.State is EventState.Cancelled or EventState.Draft)
        {
            return null;
        }
        calendarEvent.OriginalStartsAt ??= calendarEvent.StartsAt;
        calendarEvent.State = EventState.Postponed;
        calendarEvent.Notice = notice;
        if (newStart is { } start && newEnd is { } end)
        {
            calendarEvent.StartsAt = start;
            calendarEvent.EndsAt = end;
            calendarEvent.RegistrationClosesAt = newDeadline;
            calendarEvent.NewDateToBeAnnounced = false;
        }
        else
        {
            calendarEvent.NewDateToBeAnnounced = true;
        }
        calendarEvent.Sequence++;
        var now = time.GetUtcNow();
        calendarEvent.UpdatedAt = now;
        calendarEvent.UpdatedByName = NameOf(user);
        await db.SaveChangesAsync(cancellationToken);
        var told = 0;
        foreach (var registration in await ActiveAsync(id, includeWaitlist: true, cancellationToken))
        {
            mails.EventPostponed(calendarEvent, registration);
            told++;
        }
        await registrations.FillFreePlacesAsync(calendarEvent, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(calendarEvent, cancellationToken);
        return told;
    }

    /// <summary>
    /// E-mails everyone with a place (and, if asked, everyone waiting). The form's <paramref name="messageId"/>
    /// makes a second press of the button send nothing more.
    /// </summary>
    public async Task<int> MessageAsync(int id, Guid messageId, string subject, string body, bool includeWaitlist, CancellationToken cancellationToken)
    {
        var calendarEvent = await db.Set<CalendarEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (calendarEvent is null)
        {
            return 0;
        }
        var recipients = await ActiveAsync(id, includeWaitlist, cancellationToken);
        foreach (var registration in recipients)
        {
            mails.Message(calendarEvent, registration, messageId, subject, body);
        }
        audit.Add(MessageSentAction, AuditSubject, id.ToString(CultureInfo.InvariantCulture),
            $"Meddelande ”{subject}” till {recipients.Count} anmälda till {calendarEvent.Title}");
        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count;
    }

    /// <summary>Marks who came: every confirmed registration is marked present or absent. Only once the event has started.</summary>
    public async Task<bool> SetAttendanceAsync(int id, IReadOnlyCollection<int> attended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var calendarEvent = await db.Set<CalendarEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (calendarEvent is null || time.GetUtcNow() < calendarEvent.StartsAt)
        {
            return false;
        }
        var confirmed = await db.Set<EventRegistration>()
            .Where(r => r.EventId == id && r.Status == RegistrationStatus.Confirmed)
            .ToListAsync(cancellationToken);
        foreach (var registration in confirmed)
        {
            registration.Attended = attended.Contains(registration.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The registrations as a CSV file for Excel (UTF-8 with BOM, semicolons, Swedish times); the export is written
    /// to the audit log. Cells that a spreadsheet would read as a formula are defused.
    /// </summary>
    public async Task<(string FileName, byte[] Content)?> ExportCsvAsync(int id, CancellationToken cancellationToken)
    {
        var calendarEvent = await db.Set<CalendarEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (calendarEvent is null)
        {
            return null;
        }
        var rows = await db.Set<EventRegistration>().AsNoTracking()
            .Where(r => r.EventId == id)
            .OrderBy(r => r.Status).ThenBy(r => r.QueuedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append("Namn;E-post;Organisation;Telefon;Behov;Status;Anmäld;Närvaro\r\n");
        foreach (var r in rows)
        {
            string[] cells =
            [
                r.Name, r.Email ?? "", r.Organisation, r.Phone ?? "", r.Needs ?? "", r.Status.Name(),
                EventTime.InputValue(r.QueuedAt).Replace('T', ' '),
                r.Attended switch { true => "Ja", false => "Nej", null => "" },
            ];
            csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
        }
        audit.Add(AuditActions.PersonalDataExported, AuditSubject, id.ToString(CultureInfo.InvariantCulture),
            $"Anmälningar till ”{calendarEvent.Title}” exporterades som CSV ({rows.Count} rader)");
        await db.SaveChangesAsync(cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return ($"anmalningar-{calendarEvent.Slug}.csv", bytes);
    }

    /// <summary>After a change visitors can see: the cached public pages go, and the search index learns of it.</summary>
    private async Task ChangedAsync(CalendarEvent calendarEvent, CancellationToken cancellationToken)
    {
        await cache.ChangedAsync(cancellationToken);
        await EventsSearchSource.IndexAsync(search, markdown, calendarEvent, cancellationToken);
    }

    private Task<List<EventRegistration>> ActiveAsync(int id, bool includeWaitlist, CancellationToken cancellationToken) =>
        db.Set<EventRegistration>()
            .Where(r => r.EventId == id && (r.Status == RegistrationStatus.Confirmed || (includeWaitlist && r.Status == RegistrationStatus.Waitlisted)))
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

    /// <summary>A CSV cell: quoted when needed; a leading =, +, - or @ gets an apostrophe so Excel shows text, not a formula.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.ReplaceLineEndings(" ");
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', '"', ',']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string NameOf(ClaimsPrincipal user) => user.DisplayName() is { Length: > 0 } name ? name : user.Identity?.Name ?? "okänd";
}

/// <param name="Found">False when the event does not exist.</param>
/// <param name="Told">People e-mailed about a new time or place.</param>
/// <param name="Promoted">People given a place from the waiting list because places were added.</param>
public sealed record UpdateResult(bool Found, int Told, int Promoted);

internal static class EventDates
{
    public static string ToStockholmDate(this DateTimeOffset instant) =>
        Platform.Time.StockholmTime.ToStockholm(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
