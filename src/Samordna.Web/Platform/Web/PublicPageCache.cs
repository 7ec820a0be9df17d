using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// Output caching of public pages for anonymous visitors (the default output-cache rules already skip signed-in
/// visitors and responses that set cookies). Every cached page carries the tag <see cref="Tag"/>; any editorial
/// change calls <see cref="ChangedAsync"/>, which drops them all, and the arrival of content scheduled for later
/// (a news article, an event's registration opening …) does the same, so a visitor never sees a change late or a
/// scheduled item early. Responses vary by the visitor's language.
/// </summary>
public sealed class PublicPageCache(IOutputCacheStore store, IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public const string Tag = "public";
    public const string PolicyName = "public-page";

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool known;
    private DateTimeOffset? nextScheduled;

    public void Dispose() => gate.Dispose();

    /// <summary>Drops every cached public page; call after each editorial change that visitors can see.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        known = false;
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Evicts the cache when scheduled content has become public since it was filled.</summary>
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
                DateTimeOffset? next = null;
                foreach (var source in scope.ServiceProvider.GetServices<IScheduledPublication>())
                {
                    if (await source.NextAfterAsync(now, cancellationToken) is { } instant && (next is null || instant < next))
                    {
                        next = instant;
                    }
                }
                nextScheduled = next;
                known = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public static void AddPolicy(OutputCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // /sida/Om and /sida/om are different requests: one redirects to the other.
        options.UseCaseSensitivePaths = true;
        options.AddPolicy(PolicyName, builder => builder
            .Tag(Tag)
            .Expire(TimeSpan.FromMinutes(10))
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .AddPolicy<SchedulePolicy>());
    }

    internal sealed class SchedulePolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
            await context.HttpContext.RequestServices.GetRequiredService<PublicPageCache>().EnsureFreshAsync(cancellation);

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        /// <summary>
        /// A page that rendered a form with an antiforgery token is marked no-store by the antiforgery system; storing
        /// it would hand one visitor's token to everyone (the default rules only catch the first visit, which sets the
        /// cookie). So such a response is never stored, whichever page it is.
        /// </summary>
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(context);
            var cacheControl = context.HttpContext.Response.Headers.CacheControl.ToString();
            if (cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>An area whose public content changes by the clock (scheduled publishing); scoped.</summary>
public interface IScheduledPublication
{
    /// <summary>The next instant after <paramref name="now"/> at which something of this area becomes public, if any.</summary>
    Task<DateTimeOffset?> NextAfterAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
