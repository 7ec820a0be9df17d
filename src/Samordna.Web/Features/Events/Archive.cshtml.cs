using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.Events;

/// <summary>Past events, by year, newest first.</summary>
[AllowAnonymous]
public sealed class ArchiveModel(EventQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<IGrouping<string, CalendarEvent>> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var past = await queries.PastAsync(time.GetUtcNow(), EventAccess.IsMember(User), cancellationToken);
        Years = past.GroupBy(e => e.StartsAt.ToStockholm().Year.ToString(CultureInfo.InvariantCulture)).ToList();
    }
}
