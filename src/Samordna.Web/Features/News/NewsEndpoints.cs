using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>The news area's endpoints that are not pages: the Atom feed and the images.</summary>
public static class NewsEndpoints
{
    public const int FeedSize = 20;
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static void MapNewsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(NewsUrls.Feed, WriteFeedAsync).AllowAnonymous().CacheOutput(PublicPageCache.PolicyName).ExcludeFromDescription();
        endpoints.MapGet("/nyheter/bild/{id:guid}", ServeImageAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Atom 1.0 (RFC 4287) of the latest published articles, with absolute addresses.</summary>
    private static async Task WriteFeedAsync(HttpContext context, NewsQueries news, MarkdownRenderer markdown,
        IOptionsSnapshot<SiteInfo> site)
    {
        var cancellationToken = context.RequestAborted;
        var request = context.Request;
        var items = await news.Published()
            .Include(a => a.Tags)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(FeedSize)
            .ToListAsync(cancellationToken);
        var updated = items.Count == 0 ? news.Now : items.Max(Changed);

        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        context.Response.Headers.LastModified = updated.ToString("R", CultureInfo.InvariantCulture);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var writer = XmlWriter.Create(context.Response.Body, settings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "feed", AtomNamespace);
        await writer.WriteAttributeStringAsync("xml", "lang", null, "sv");
        await writer.WriteAttributeStringAsync("xml", "base", null, request.AbsoluteUrl("/"));
        await writer.WriteElementStringAsync(null, "title", AtomNamespace, $"Nyheter – {site.Value.Name}");
        await writer.WriteElementStringAsync(null, "id", AtomNamespace, request.AbsoluteUrl(NewsUrls.Root));
        await WriteLinkAsync(writer, "self", "application/atom+xml", request.AbsoluteUrl(NewsUrls.Feed));
        await WriteLinkAsync(writer, "alternate", "text/html", request.AbsoluteUrl(NewsUrls.Root));
        await writer.WriteElementStringAsync(null, "updated", AtomNamespace, Rfc3339(updated));
        await writer.WriteStartElementAsync(null, "author", AtomNamespace);
        await writer.WriteElementStringAsync(null, "name", AtomNamespace, site.Value.Name);
        await writer.WriteEndElementAsync();

        foreach (var article in items)
        {
            await writer.WriteStartElementAsync(null, "entry", AtomNamespace);
            await writer.WriteElementStringAsync(null, "title", AtomNamespace, article.Title);
            await WriteLinkAsync(writer, "alternate", "text/html", request.AbsoluteUrl(article.Url!));
            // Stable across slug changes (RFC 4151 tag URI).
            await writer.WriteElementStringAsync(null, "id", AtomNamespace, string.Create(CultureInfo.InvariantCulture,
                $"tag:{request.Host.Host},{article.CreatedAt:yyyy-MM-dd}:nyheter/{article.Id}"));
            await writer.WriteElementStringAsync(null, "published", AtomNamespace, Rfc3339(article.PublishedAt!.Value));
            await writer.WriteElementStringAsync(null, "updated", AtomNamespace, Rfc3339(Changed(article)));
            await writer.WriteStartElementAsync(null, "summary", AtomNamespace);
            await writer.WriteAttributeStringAsync(null, "type", null, "text");
            await writer.WriteStringAsync(article.Ingress);
            await writer.WriteEndElementAsync();
            await writer.WriteStartElementAsync(null, "content", AtomNamespace);
            await writer.WriteAttributeStringAsync(null, "type", null, "html");
            await writer.WriteStringAsync(ContentHtml(article, request, markdown));
            await writer.WriteEndElementAsync();
            foreach (var tag in article.Tags.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                await writer.WriteStartElementAsync(null, "category", AtomNamespace);
                await writer.WriteAttributeStringAsync(null, "term", null, tag.Name);
                await writer.WriteEndElementAsync();
            }
            await writer.WriteEndElementAsync();
        }
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    private static string ContentHtml(NewsArticle article, HttpRequest request, MarkdownRenderer markdown)
    {
        var html = new StringBuilder();
        if (article.ImageId is { } imageId)
        {
            html.Append("<p><img src=\"").Append(System.Net.WebUtility.HtmlEncode(request.AbsoluteUrl(NewsUrls.Image(imageId))))
                .Append("\" alt=\"").Append(System.Net.WebUtility.HtmlEncode(article.ImageAlt ?? "")).Append("\"></p>");
        }
        html.Append(markdown.ToHtml(article.Body));
        return html.ToString();
    }

    private static DateTimeOffset Changed(NewsArticle article) =>
        article.UpdatedAt > article.PublishedAt!.Value ? article.UpdatedAt : article.PublishedAt.Value;

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteLinkAsync(XmlWriter writer, string rel, string type, string href)
    {
        await writer.WriteStartElementAsync(null, "link", AtomNamespace);
        await writer.WriteAttributeStringAsync(null, "rel", null, rel);
        await writer.WriteAttributeStringAsync(null, "type", null, type);
        await writer.WriteAttributeStringAsync(null, "href", null, href);
        await writer.WriteEndElementAsync();
    }

    /// <summary>
    /// An image is public once an article that shows it is; before that only editors see it (in the form and the
    /// preview). The type comes from the sniffing at upload, and nosniff stops browsers guessing another.
    /// </summary>
    private static async Task<IResult> ServeImageAsync(Guid id, HttpContext context, NewsQueries news,
        NewsImageStore store, IAuthorizationService authorization)
    {
        var cancellationToken = context.RequestAborted;
        var image = await store.FindAsync(id, cancellationToken);
        if (image is null)
        {
            return Results.NotFound();
        }
        var isPublic = await news.Published().AnyAsync(a => a.ImageId == id, cancellationToken);
        if (!isPublic && !(await authorization.AuthorizeAsync(context.User, Policies.Editor)).Succeeded)
        {
            return Results.NotFound();
        }
        var path = store.PathOf(id);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = isPublic ? "public, max-age=3600" : "private, no-store";
        headers.ContentDisposition = "inline";
        return Results.File(path, image.ContentType, lastModified: image.CreatedAt,
            entityTag: new EntityTagHeaderValue("\"" + id.ToString("N") + "\""));
    }
}

/// <summary>The news area's addresses for /sitemap.xml: the list and every published article.</summary>
public sealed class NewsSitemapSource(NewsQueries news) : ISitemapSource
{
    public async IAsyncEnumerable<SitemapEntry> GetEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var articles = await news.Published()
            .OrderByDescending(a => a.PublishedAt)
            .Select(a => new { a.Slug, a.PublishedYear, a.PublishedMonth, a.PublishedAt, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        if (articles.Count == 0)
        {
            yield return new SitemapEntry(NewsUrls.Root);
            yield break;
        }
        yield return new SitemapEntry(NewsUrls.Root, articles.Max(a => a.UpdatedAt > a.PublishedAt!.Value ? a.UpdatedAt : a.PublishedAt.Value));
        foreach (var a in articles)
        {
            yield return new SitemapEntry(NewsUrls.Article(a.PublishedYear!.Value, a.PublishedMonth!.Value, a.Slug),
                a.UpdatedAt > a.PublishedAt!.Value ? a.UpdatedAt : a.PublishedAt.Value);
        }
    }
}
