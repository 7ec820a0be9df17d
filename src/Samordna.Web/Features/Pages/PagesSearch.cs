using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Pages;

/// <summary>The content pages' part of the site search: every page (title; description and body as plain text).</summary>
public sealed class PagesSearchSource(AppDbContext db, MarkdownRenderer markdown) : ISearchSource
{
    public const string AreaKey = "sidor";

    public string Area => AreaKey;

    public string Label => "Sida";

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Set<ContentPage>().CountAsync(cancellationToken);

    public async IAsyncEnumerable<SearchItem> GetItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = await db.Set<ContentPage>().AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        foreach (var page in pages)
        {
            yield return ItemFor(page, markdown);
        }
    }

    public static SearchItem ItemFor(ContentPage page, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(markdown);
        var text = string.Join("\n\n", new[] { page.Description, markdown.ToPlainText(page.Body) }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new SearchItem(AreaKey, Key(page.Id), page.Title, text, page.Path, page.UpdatedAt);
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The content pages' addresses for /sitemap.xml.</summary>
public sealed class PagesSitemapSource(AppDbContext db) : ISitemapSource
{
    public async IAsyncEnumerable<SitemapEntry> GetEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = await db.Set<ContentPage>().AsNoTracking().Select(p => new { p.Slug, p.UpdatedAt }).ToListAsync(cancellationToken);
        foreach (var page in pages)
        {
            yield return new SitemapEntry(RequiredPages.PathOf(page.Slug), page.UpdatedAt);
        }
    }
}
