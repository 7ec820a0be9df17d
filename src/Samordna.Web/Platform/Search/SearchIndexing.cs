using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;

namespace Samordna.Web.Platform.Search;

public static class SearchIndexing
{
    /// <summary>The index, the search itself, and the rebuilds at start and after the demo content.</summary>
    public static IServiceCollection AddSearchIndex(this IServiceCollection services)
    {
        services.AddSingleton<ISearchIndex, SearchIndex>();
        services.AddScoped<SiteSearch>();
        services.AddDefaultContentSeeder<SearchIndexSeeder>();
        services.AddDemoSeeder<SearchDemoSeeder>();
        return services;
    }

    /// <summary>An area's searchable things, for rebuilding its part of the index.</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddScoped<ISearchSource, T>();

    /// <summary>Rebuilds the part of the index of each area whose number of entries differs from the area's own count.</summary>
    public static async Task RebuildAsync(IServiceProvider services, bool onlyWhereCountsDiffer, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var index = services.GetRequiredService<ISearchIndex>();
        var counts = await db.Set<SearchEntry>().GroupBy(e => e.Area).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        foreach (var source in services.GetServices<ISearchSource>())
        {
            if (onlyWhereCountsDiffer && counts.GetValueOrDefault(source.Area) == await source.CountAsync(cancellationToken))
            {
                continue;
            }
            await index.ReplaceAreaAsync(source.Area, source.GetItemsAsync(cancellationToken), cancellationToken);
        }
    }
}

/// <summary>
/// At every start: an empty index (a new installation, or the first start after the search arrived) is filled, and an
/// area whose things were added or removed behind the index's back (a seeder, a restore) is indexed again.
/// </summary>
public sealed class SearchIndexSeeder : IDefaultContentSeeder
{
    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        SearchIndexing.RebuildAsync(services, onlyWhereCountsDiffer: true, cancellationToken);
}

/// <summary>Indexes everything once the other demo seeders (which write their tables directly) are done.</summary>
public sealed class SearchDemoSeeder : IDemoSeeder
{
    public int Order => 1000;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        SearchIndexing.RebuildAsync(services, onlyWhereCountsDiffer: false, cancellationToken);
}
