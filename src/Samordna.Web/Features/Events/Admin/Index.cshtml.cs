using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>The editors' calendar: upcoming events and drafts with their counts (or, at /arkiv, past events).</summary>
public sealed class IndexModel(EventQueries queries, AppDbContext db, TimeProvider time) : PageModel
{
    public bool Past { get; private set; }

    public IReadOnlyList<CalendarEvent> Events { get; private set; } = [];

    public IReadOnlyDictionary<int, EventCounts> Counts { get; private set; } = new Dictionary<int, EventCounts>();

    public int NewSuggestions { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Past = Request.Path.Value?.EndsWith("/arkiv", StringComparison.OrdinalIgnoreCase) == true;
        Events = await queries.ForEditorsAsync(time.GetUtcNow(), Past, cancellationToken);
        Counts = await queries.CountsAsync(Events.Select(e => e.Id).ToList(), cancellationToken);
        NewSuggestions = await db.Set<TopicSuggestion>().CountAsync(s => s.HandledAt == null, cancellationToken);
    }
}
