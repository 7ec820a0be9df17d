using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.News;

/// <summary>
/// Caching of the public news output. The Atom feed is output-cached under the tag <see cref="Tag"/>: every editorial
/// change evicts it, and so does the arrival of the next scheduled article's instant (checked against the injected
/// <see cref="TimeProvider"/> on each request), so the cache never shows a change late or a scheduled article early.
/// HTML pages are not output-cached, because the layout carries per-visitor antiforgery tokens; articles answer
/// conditional requests instead (see <see cref="ArticleValidators"/>).
/// </summary>
public sealed class NewsCache(IOutputCacheStore store, IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public const string Tag = "news";
    public const string PolicyName = "news";

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool known;
    private DateTimeOffset? nextScheduled;

    public void Dispose() => gate.Dispose();

    /// <summary>Drops every cached news response; called after each editorial change.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        known = false;
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Evicts the cache when a scheduled article has become public since it was filled.</summary>
    public async ValueTask EnsureFreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (known && (nextScheduled is null || nextScheduled > now))
        {
            return;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (known && nextScheduled is { } due && due <= now)
            {
                await store.EvictByTagAsync(Tag, cancellationToken);
                known = false;
            }
            if (!known)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                nextScheduled = await db.Set<NewsArticle>().Where(a => a.PublishedAt > now).MinAsync(a => a.PublishedAt, cancellationToken);
                known = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The named output-cache policy: the default rules (GET, anonymous, no cookies set) plus the schedule check.</summary>
    public static void AddPolicy(OutputCacheOptions options) =>
        options.AddPolicy(PolicyName, builder => builder.Tag(Tag).Expire(TimeSpan.FromMinutes(30)).AddPolicy<SchedulePolicy>());

    private sealed class SchedulePolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
            await context.HttpContext.RequestServices.GetRequiredService<NewsCache>().EnsureFreshAsync(cancellation);

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
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
