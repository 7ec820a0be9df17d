using System.Globalization;
using System.Text;
using System.Xml;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// One area's public addresses for /sitemap.xml. Areas register theirs with
/// <c>services.AddScoped&lt;ISitemapSource, MySource&gt;()</c>; the sitemap asks each in turn.
/// </summary>
public interface ISitemapSource
{
    /// <summary>Site-relative paths ("/nyheter/2020/03/digitalt-drop-in") of public pages, with when each last changed.</summary>
    IAsyncEnumerable<SitemapEntry> GetEntriesAsync(CancellationToken cancellationToken);
}

public sealed record SitemapEntry(string Path, DateTimeOffset? LastModified = null);

public static class Sitemap
{
    public const string SitemapPath = "/sitemap.xml";
    public const string RobotsPath = "/robots.txt";

    /// <summary>Paths that search engines are asked to stay out of: editorial, administration and account pages.</summary>
    public static readonly IReadOnlyList<string> Disallowed = ["/redaktion", "/admin", "/konto"];

    /// <summary>/sitemap.xml from every registered <see cref="ISitemapSource"/>, and /robots.txt pointing to it.</summary>
    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SitemapPath, WriteSitemapAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(RobotsPath, (HttpRequest request) =>
        {
            var text = new StringBuilder();
            text.Append("User-agent: *\n").Append("Allow: /\n");
            foreach (var path in Disallowed)
            {
                text.Append("Disallow: ").Append(path).Append('\n');
            }
            text.Append("\nSitemap: ").Append(request.AbsoluteUrl(SitemapPath)).Append('\n');
            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task WriteSitemapAsync(HttpContext context, IEnumerable<ISitemapSource> sources)
    {
        var cancellationToken = context.RequestAborted;
        var entries = new Dictionary<string, SitemapEntry>(StringComparer.Ordinal) { ["/"] = new SitemapEntry("/") };
        foreach (var source in sources)
        {
            await foreach (var entry in source.GetEntriesAsync(cancellationToken))
            {
                entries[entry.Path] = entry;
            }
        }

        context.Response.ContentType = "application/xml; charset=utf-8";
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var writer = XmlWriter.Create(context.Response.Body, settings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        foreach (var entry in entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            await writer.WriteStartElementAsync(null, "url", null);
            await writer.WriteElementStringAsync(null, "loc", null, context.Request.AbsoluteUrl(entry.Path));
            if (entry.LastModified is { } modified)
            {
                await writer.WriteElementStringAsync(null, "lastmod", null,
                    modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
            await writer.WriteEndElementAsync();
        }
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }
}

public static class AbsoluteUrls
{
    /// <summary>
    /// An absolute URL for a site-relative path, from the request's scheme and host (which the forwarded-headers
    /// middleware has already taken from a trusted proxy), for feeds, sitemaps and sharing tags.
    /// </summary>
    public static string AbsoluteUrl(this HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(path);
        return string.Concat(request.Scheme, "://", request.Host.ToUriComponent(), request.PathBase.ToUriComponent(), path);
    }
}
