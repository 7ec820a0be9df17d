using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>
/// The news area's part of the site search: every published or scheduled article (title; ingress, body as plain text
/// and tags), found from its publication instant on. Drafts are not in the index.
/// </summary>
public sealed class NewsSearchSource(AppDbContext db, MarkdownRenderer markdown) : ISearchSource
{
    public const string AreaKey = "nyheter";

    public string Area => AreaKey;

    public string Label => "Nyhet";

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.Set<NewsArticle>().CountAsync(a => a.PublishedAt != null, cancellationToken);

    public async IAsyncEnumerable<SearchItem> GetItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var articles = await db.Set<NewsArticle>().AsNoTracking().Include(a => a.Tags)
            .Where(a => a.PublishedAt != null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var article in articles)
        {
            yield return ItemFor(article, markdown)!;
        }
    }

    /// <summary>The article as the index should hold it; null for a draft.</summary>
    public static SearchItem? ItemFor(NewsArticle article, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(markdown);
        if (article.PublishedAt is not { } publishedAt || article.Url is not { } url)
        {
            return null;
        }
        var text = string.Join("\n\n", new[] { article.Ingress, markdown.ToPlainText(article.Body), string.Join(", ", article.Tags.Select(t => t.Name)) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        return new SearchItem(AreaKey, Key(article.Id), article.Title, text, url, publishedAt, VisibleFrom: publishedAt);
    }

    /// <summary>Puts the article in the index as it now is, or takes it out when it is a draft.</summary>
    public static Task IndexAsync(ISearchIndex search, MarkdownRenderer markdown, NewsArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        return ItemFor(article, markdown) is { } item
            ? search.SetAsync(item, cancellationToken)
            : search.RemoveAsync(AreaKey, Key(article.Id), cancellationToken);
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
