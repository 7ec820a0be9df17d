using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.News;

/// <summary>
/// The public side's reads. Every query asks the injected <see cref="TimeProvider"/> what time it is, so a scheduled
/// article appears at its instant and not before, without any job having to run.
/// </summary>
public sealed class NewsQueries(AppDbContext db, TimeProvider time)
{
    public const int PageSize = 10;

    public DateTimeOffset Now => time.GetUtcNow();

    public IQueryable<NewsArticle> Published()
    {
        var now = Now;
        return db.Set<NewsArticle>().AsNoTracking().Where(a => a.PublishedAt != null && a.PublishedAt <= now);
    }

    /// <summary>A page of public articles, newest first, optionally within a year or a month, or with a tag.</summary>
    public async Task<NewsPage> ListAsync(int? year, int? month, int page, CancellationToken cancellationToken, int pageSize = PageSize,
        string? tagSlug = null)
    {
        var query = Published();
        if (tagSlug is not null)
        {
            query = query.Where(a => a.Tags.Any(t => t.Slug == tagSlug));
        }
        if (year is { } y)
        {
            query = query.Where(a => a.PublishedYear == y);
        }
        if (month is { } m)
        {
            query = query.Where(a => a.PublishedMonth == m);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new NewsListItem(a.Id, a.Title, a.Ingress, a.Slug, a.PublishedAt!.Value, a.PublishedYear!.Value,
                a.PublishedMonth!.Value, a.ImageId, a.ImageAlt))
            .ToListAsync(cancellationToken);
        return new NewsPage(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<NewsListItem>> LatestAsync(int count, CancellationToken cancellationToken) =>
        (await ListAsync(null, null, 1, cancellationToken, count)).Items;

    /// <summary>The name of a tag that some public article has, by its slug; null when none has it.</summary>
    public Task<string?> TagNameAsync(string slug, CancellationToken cancellationToken) =>
        Published().SelectMany(a => a.Tags).Where(t => t.Slug == slug).OrderBy(t => t.Name).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How many public articles each month has, newest month first.</summary>
    public async Task<IReadOnlyList<ArchivePeriod>> ArchiveAsync(CancellationToken cancellationToken)
    {
        var rows = await Published()
            .GroupBy(a => new { a.PublishedYear, a.PublishedMonth })
            .Select(g => new { g.Key.PublishedYear, g.Key.PublishedMonth, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ArchivePeriod(r.PublishedYear!.Value, r.PublishedMonth!.Value, r.Count))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month)
            .ToList();
    }

    /// <summary>A public article by its current slug, with its tags and image.</summary>
    public Task<NewsArticle?> FindPublishedAsync(string slug, CancellationToken cancellationToken) =>
        Published().Include(a => a.Tags).Include(a => a.Image).FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

    /// <summary>The article that once had this slug, if it is public now.</summary>
    public async Task<NewsArticle?> FindPublishedByEarlierSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var articleId = await db.Set<NewsSlugRedirect>().Where(r => r.Slug == slug).Select(r => (int?)r.ArticleId).FirstOrDefaultAsync(cancellationToken);
        return articleId is null ? null : await Published().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
    }
}

public sealed record NewsListItem(int Id, string Title, string Ingress, string Slug, DateTimeOffset PublishedAt, int Year, int Month,
    Guid? ImageId, string? ImageAlt)
{
    public string Url => NewsUrls.Article(Year, Month, Slug);
}

public sealed record NewsPage(IReadOnlyList<NewsListItem> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public sealed record ArchivePeriod(int Year, int Month, int Count);
