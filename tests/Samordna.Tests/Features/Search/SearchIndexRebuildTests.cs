using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;
using Samordna.Web.Features.News;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Search;

namespace Samordna.Tests.Features.Search;

/// <summary>The index fills itself at start when it is empty or out of step, and after the demo content.</summary>
public sealed class SearchIndexRebuildTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task An_empty_index_is_filled_at_start_and_an_index_in_step_is_left_alone()
    {
        // An article written straight into the table, behind the index's back (as the demo seeders do), and an emptied index.
        var article = await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var a = new NewsArticle { Title = "Direkt i tabellen", Slug = "direkt-i-tabellen", Ingress = "Om hönsgårdar.", Body = "Text.", CreatedAt = now, UpdatedAt = now, UpdatedBy = "test" };
            a.SetPublishedAt(now.AddDays(-1), now);
            db.Add(a);
            await db.SaveChangesAsync(SearchTestData.Ct);
            await db.Set<SearchEntry>().ExecuteDeleteAsync(SearchTestData.Ct);
            return a;
        });
        Assert.Empty(await factory.SearchAsync("hönsgårdar"));

        await RunDefaultSeedersAsync();

        Assert.Equal(article.Url, Assert.Single(await factory.SearchAsync("hönsgårdar")).Url);
        Assert.Contains(await factory.SearchAsync("tillgänglighet"), h => h.Url == "/tillganglighet");
        var indexedAt = await factory.WithDbAsync(db => db.Set<SearchEntry>().MaxAsync(e => e.IndexedAt, SearchTestData.Ct));

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await RunDefaultSeedersAsync();
        Assert.Equal(indexedAt, await factory.WithDbAsync(db => db.Set<SearchEntry>().MaxAsync(e => e.IndexedAt, SearchTestData.Ct)));
    }

    private async Task RunDefaultSeedersAsync() => await factory.WithServicesAsync(async services =>
    {
        foreach (var seeder in services.GetServices<IDefaultContentSeeder>())
        {
            await seeder.SeedAsync(services, SearchTestData.Ct);
        }
        return 0;
    });
}

/// <summary>Its own database: the demo seeders only fill empty tables, so no other test may have written news first.</summary>
public sealed class SearchDemoContentTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task The_demo_content_is_searchable_once_the_demo_seeders_have_run()
    {
        await factory.WithServicesAsync(async services =>
        {
            var seeders = services.GetServices<IDemoSeeder>().Where(s => s is NewsDemoSeeder or DocumentsDemoSeeder or SearchDemoSeeder).OrderBy(s => s.Order).ToList();
            Assert.Equal(3, seeders.Count);
            Assert.IsType<SearchDemoSeeder>(seeders[^1]);
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(services, SearchTestData.Ct);
            }
            return 0;
        });

        var hits = await factory.SearchAsync("årsredovisning 2019");
        Assert.Contains(hits, h => h.Type == "Nyhet" && h.Url.StartsWith("/nyheter/2020/03/", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Type == "Dokument" && h.Title == "Årsredovisning 2019");
        Assert.Contains(await factory.SearchAsync("Discord"), h => h.Url == "/nyheter/2020/03/digitalt-drop-in");
    }
}
