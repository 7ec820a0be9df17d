using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Events;

/// <summary>Read-only questions the calendar's pages ask: upcoming and past events, and their counts.</summary>
public sealed class EventQueries(AppDbContext db)
{
    /// <summary>
    /// Published events that have not ended, for visitors: public ones, and members-only ones for signed-in people.
    /// Invite-only events are never listed.
    /// </summary>
    public Task<List<CalendarEvent>> UpcomingAsync(DateTimeOffset now, bool signedIn, int? take, CancellationToken cancellationToken)
    {
        var query = Listed(signedIn).Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).AsQueryable();
        return (take is { } n ? query.Take(n) : query).ToListAsync(cancellationToken);
    }

    /// <summary>Published events that have ended, newest first.</summary>
    public Task<List<CalendarEvent>> PastAsync(DateTimeOffset now, bool signedIn, CancellationToken cancellationToken) =>
        Listed(signedIn).Where(e => e.EndsAt <= now).OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Upcoming public events for the calendar feed, cancelled ones included so subscribers see the change.</summary>
    public Task<List<CalendarEvent>> FeedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<CalendarEvent>().AsNoTracking()
            .Where(e => e.State != EventState.Draft && e.Audience == EventAudience.Public && e.EndsAt > now.AddDays(-7))
            .OrderBy(e => e.StartsAt)
            .ToListAsync(cancellationToken);

    /// <summary>For the editors: every event (drafts too) that has not ended, or that has ended, by <paramref name="past"/>.</summary>
    public Task<List<CalendarEvent>> ForEditorsAsync(DateTimeOffset now, bool past, CancellationToken cancellationToken)
    {
        var events = db.Set<CalendarEvent>().AsNoTracking();
        return past
            ? events.Where(e => e.EndsAt <= now).OrderByDescending(e => e.StartsAt).ToListAsync(cancellationToken)
            : events.Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);
    }

    public Task<CalendarEvent?> BySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<CalendarEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);

    public Task<CalendarEvent?> ByIdAsync(int id, CancellationToken cancellationToken) =>
        db.Set<CalendarEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>Confirmed, waiting, cancelled and attended counts per event.</summary>
    public async Task<Dictionary<int, EventCounts>> CountsAsync(IReadOnlyCollection<int> eventIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<EventRegistration>()
            .Where(r => eventIds.Contains(r.EventId))
            .GroupBy(r => new { r.EventId, r.Status })
            .Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count(), Attended = g.Count(r => r.Attended == true) })
            .ToListAsync(cancellationToken);
        return eventIds.ToDictionary(id => id, id =>
        {
            int Of(RegistrationStatus status) => rows.Where(r => r.EventId == id && r.Status == status).Sum(r => r.Count);
            return new EventCounts(Of(RegistrationStatus.Confirmed), Of(RegistrationStatus.Waitlisted), Of(RegistrationStatus.Cancelled),
                rows.Where(r => r.EventId == id).Sum(r => r.Attended));
        });
    }

    public async Task<EventCounts> CountsAsync(int eventId, CancellationToken cancellationToken) =>
        (await CountsAsync([eventId], cancellationToken))[eventId];

    private IQueryable<CalendarEvent> Listed(bool signedIn) =>
        db.Set<CalendarEvent>().AsNoTracking().Where(e =>
            e.State != EventState.Draft
            && (e.Audience == EventAudience.Public || (signedIn && e.Audience == EventAudience.MembersOnly)));
}

public sealed record EventCounts(int Confirmed, int Waitlisted, int Cancelled, int Attended)
{
    /// <summary>Places left, or null when there is no limit.</summary>
    public int? PlacesLeft(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        return calendarEvent.Capacity is { } capacity ? Math.Max(0, capacity - Confirmed) : null;
    }
}

/// <summary>The calendar's public addresses for /sitemap.xml: the calendar, its archive and every listed public event.</summary>
public sealed class EventsSitemapSource(AppDbContext db) : Platform.Web.ISitemapSource
{
    public async IAsyncEnumerable<Platform.Web.SitemapEntry> GetEntriesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new Platform.Web.SitemapEntry("/kalender");
        yield return new Platform.Web.SitemapEntry("/kalender/arkiv");
        yield return new Platform.Web.SitemapEntry("/kalender/foresla-amne");
        var events = await db.Set<CalendarEvent>().AsNoTracking()
            .Where(e => e.State != EventState.Draft && e.Audience == EventAudience.Public)
            .OrderBy(e => e.StartsAt)
            .Select(e => new { e.Slug, e.UpdatedAt })
            .ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            yield return new Platform.Web.SitemapEntry("/kalender/" + e.Slug, e.UpdatedAt);
        }
    }
}

/// <summary>
/// When the cached start page's "Kommande evenemang" next changes by the clock alone: the next time an event ends
/// and leaves the list. Editorial changes evict the cache themselves.
/// </summary>
public sealed class EventsScheduledPublication(AppDbContext db) : Platform.Web.IScheduledPublication
{
    public async Task<DateTimeOffset?> NextAfterAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<CalendarEvent>()
            .Where(e => e.State != EventState.Draft && e.EndsAt > now)
            .OrderBy(e => e.EndsAt)
            .Select(e => (DateTimeOffset?)e.EndsAt)
            .FirstOrDefaultAsync(cancellationToken);
}
