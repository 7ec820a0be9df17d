using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Newsletter.Admin;

/// <summary>The register of subscribers for editors: counts, search, CSV export (audited).</summary>
public sealed class SubscribersModel(AppDbContext db, SubscriberImport import, AuditLog audit) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<(SubscriberStatus Status, int Count)> Counts { get; private set; } = [];

    public IReadOnlyList<Subscriber> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Subscriber>().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Counts = [.. Enum.GetValues<SubscriberStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0))];
        var query = db.Set<Subscriber>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            var lower = text.ToLowerInvariant();
            query = query.Where(s => s.NormalizedEmail.Contains(lower) || (s.Name != null && s.Name.Contains(text)));
        }
        Items = await query.OrderBy(s => s.NormalizedEmail).Take(200).ToListAsync(cancellationToken);
        audit.Add(AuditActions.PersonalDataRead, "NewsletterSubscribers", null,
            string.IsNullOrWhiteSpace(Query) ? "Prenumerantlistan visad." : "Prenumerantlistan sökt.");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var bytes = await import.ExportAsync(cancellationToken);
        return File(bytes, "text/csv; charset=utf-8", "prenumeranter.csv");
    }
}
