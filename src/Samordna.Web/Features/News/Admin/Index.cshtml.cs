using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.News.Admin;

/// <summary>All articles for editors: drafts, scheduled and published, the most recently changed first.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public string? Filter { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "sida")] int? page, [FromQuery(Name = "status")] string? status, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var now = Now;
        var query = db.Set<NewsArticle>().AsNoTracking();
        Filter = status;
        query = status switch
        {
            "utkast" => query.Where(a => a.PublishedAt == null),
            "schemalagda" => query.Where(a => a.PublishedAt > now),
            "publicerade" => query.Where(a => a.PublishedAt <= now),
            _ => query,
        };
        if (status is not (null or "" or "utkast" or "schemalagda" or "publicerade"))
        {
            Filter = null;
        }
        var total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = page ?? 1;
        if (!ModelState.IsValid || PageNumber < 1 || PageNumber > PageCount)
        {
            return NotFound();
        }
        Rows = await query
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Title, a.PublishedAt, a.PublishedYear, a.PublishedMonth, a.Slug, a.UpdatedAt, a.UpdatedBy))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public string PageUrl(int page) =>
        QueryString.Create([new("sida", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. Filter is null ? [] : new KeyValuePair<string, string?>[] { new("status", Filter) }]).ToUriComponent();

    public sealed record Row(int Id, string Title, DateTimeOffset? PublishedAt, int? Year, int? Month, string Slug, DateTimeOffset UpdatedAt, string UpdatedBy)
    {
        public NewsStatus StatusAt(DateTimeOffset now) =>
            PublishedAt is null ? NewsStatus.Draft : PublishedAt > now ? NewsStatus.Scheduled : NewsStatus.Published;

        public string? Url => Year is { } y && Month is { } m ? NewsUrls.Article(y, m, Slug) : null;
    }
}
