using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Newsletter.Admin;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public int Confirmed { get; private set; }

    public int Pending { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Campaigns = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        Confirmed = await db.Set<Subscriber>().CountAsync(s => s.Status == SubscriberStatus.Confirmed, cancellationToken);
        Pending = await db.Set<Subscriber>().CountAsync(s => s.Status == SubscriberStatus.Pending, cancellationToken);
    }
}
