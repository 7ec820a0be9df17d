using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events;

/// <summary>
/// The calendar's part of the site search: every published public event (title; summary, description as plain text,
/// kind and place). Drafts, members-only and invite-only events are not in the index.
/// </summary>
public sealed class EventsSearchSource(AppDbContext db, MarkdownRenderer markdown) : ISearchSource
{
    public const string AreaKey = "kalender";

    public string Area => AreaKey;

    public string Label => "Evenemang";

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        Searchable(db.Set<CalendarEvent>()).CountAsync(cancellationToken);

    public async IAsyncEnumerable<SearchItem> GetItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = await Searchable(db.Set<CalendarEvent>().AsNoTracking()).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var calendarEvent in events)
        {
            yield return ItemFor(calendarEvent, markdown)!;
        }
    }

    /// <summary>The event as the index should hold it; null when it is not for everyone's eyes.</summary>
    public static SearchItem? ItemFor(CalendarEvent calendarEvent, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        ArgumentNullException.ThrowIfNull(markdown);
        if (calendarEvent.State == EventState.Draft || calendarEvent.Audience != EventAudience.Public)
        {
            return null;
        }
        var state = calendarEvent.State switch
        {
            EventState.Cancelled => "Inställt.",
            EventState.Postponed => "Uppskjutet.",
            _ => "",
        };
        var text = string.Join("\n\n", new[]
        {
            state, calendarEvent.Summary, markdown.ToPlainText(calendarEvent.Description), calendarEvent.Kind.Name(),
            calendarEvent.IsOnline ? "Online" : calendarEvent.Location ?? "", calendarEvent.Organiser,
        }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new SearchItem(AreaKey, Key(calendarEvent.Id), calendarEvent.Title, text, calendarEvent.Path, calendarEvent.StartsAt);
    }

    /// <summary>Puts the event in the index as it now is, or takes it out.</summary>
    public static Task IndexAsync(ISearchIndex search, MarkdownRenderer markdown, CalendarEvent calendarEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(calendarEvent);
        return ItemFor(calendarEvent, markdown) is { } item
            ? search.SetAsync(item, cancellationToken)
            : search.RemoveAsync(AreaKey, Key(calendarEvent.Id), cancellationToken);
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static IQueryable<CalendarEvent> Searchable(IQueryable<CalendarEvent> events) =>
        events.Where(e => e.State != EventState.Draft && e.Audience == EventAudience.Public);
}
