using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Newsletter.Archive;

/// <summary>The public archive: every sent campaign as a web page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ArchiveItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Sent && c.FinishedAt != null)
            .OrderByDescending(c => c.FinishedAt)
            .Select(c => new ArchiveItem(c.Id, c.Subject, c.StartedAt ?? c.FinishedAt!.Value))
            .ToListAsync(cancellationToken);

    public sealed record ArchiveItem(int Id, string Subject, DateTimeOffset SentAt);
}
