using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Events;

/// <summary>The calendar: upcoming events (members-only ones too for signed-in people), soonest first.</summary>
[AllowAnonymous]
public sealed class IndexModel(EventQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<CalendarEvent> Events { get; private set; } = [];

    public IReadOnlyDictionary<int, EventCounts> Counts { get; private set; } = new Dictionary<int, EventCounts>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var signedIn = EventAccess.IsMember(User);
        Events = await queries.UpcomingAsync(time.GetUtcNow(), signedIn, take: null, cancellationToken);
        Counts = await queries.CountsAsync(Events.Select(e => e.Id).ToList(), cancellationToken);
    }
}
