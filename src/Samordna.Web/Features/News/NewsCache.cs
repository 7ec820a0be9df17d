using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>News articles scheduled for later make the public page cache stale when their instant arrives.</summary>
public sealed class NewsScheduledPublication(AppDbContext db) : IScheduledPublication
{
    public async Task<DateTimeOffset?> NextAfterAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<NewsArticle>().Where(a => a.PublishedAt > now).MinAsync(a => a.PublishedAt, cancellationToken);
}

/// <summary>
/// ETag and Last-Modified for an article page, so a browser revalidates cheaply (304) instead of downloading it again.
/// The page's layout differs per visitor (signed in or not, language), so the tag covers those too, and it is weak
/// because each rendering carries fresh antiforgery tokens.
/// </summary>
public static class ArticleValidators
{
    private static readonly string Build = typeof(ArticleValidators).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Sets the validators; returns true when the request's own copy is still current (answer 304).</summary>
    public static bool IsNotModified(HttpContext context, NewsArticle article)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(article);
        var lastModified = article.UpdatedAt > article.PublishedAt ? article.UpdatedAt : article.PublishedAt!.Value;
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-";
        var material = string.Join('|', Build, article.Id.ToString(CultureInfo.InvariantCulture), article.Version.ToString(CultureInfo.InvariantCulture),
            lastModified.UtcTicks.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentUICulture.Name, user);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..20].ToLowerInvariant();
        var etag = new EntityTagHeaderValue("\"" + hash + "\"", isWeak: true);

        var response = context.Response;
        var typed = response.GetTypedHeaders();
        typed.ETag = etag;
        typed.LastModified = lastModified;
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Cookie";

        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }
        return user == "-" && request.IfModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
