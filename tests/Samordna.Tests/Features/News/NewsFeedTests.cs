using System.Net;
using System.Xml.Linq;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.News;

/// <summary>The Atom feed, the sitemap, robots.txt and the start page block show published articles only.</summary>
public sealed class NewsFeedTests : IClassFixture<SamordnaFactory>, IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly SamordnaFactory factory;

    public NewsFeedTests(SamordnaFactory factory) => this.factory = factory;

    public async ValueTask InitializeAsync()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 11, 20));
        if (!await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                db.Set<Web.Features.News.NewsArticle>(), TestContext.Current.CancellationToken)))
        {
            await factory.AddArticleAsync("Publicerad & klar <nu>", NewsTestData.Utc(2026, 11, 8), "publicerad-och-klar",
                body: "Läs [mer](/nyheter) om **oss**.");
            await factory.AddArticleAsync("Äldre nyhet", NewsTestData.Utc(2022, 3, 1), "aldre-nyhet");
            await factory.AddArticleAsync("Hemligt utkast", null, "hemligt-utkast");
            await factory.AddArticleAsync("Kommer i december", NewsTestData.Utc(2026, 12, 1), "kommer-i-december");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_feed_is_well_formed_Atom_with_published_articles_only()
    {
        using var response = await factory.CreateBrowserClient().GetPathAsync("/nyheter/feed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);

        var feed = XDocument.Parse(await response.BodyAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["Publicerad & klar <nu>", "Äldre nyhet"], entries.Select(e => e.Element(Atom + "title")!.Value));
        var first = entries[0];
        Assert.Equal("http://localhost/nyheter/2026/11/publicerad-och-klar",
            first.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        Assert.Equal("2026-11-08T12:00:00Z", first.Element(Atom + "published")!.Value);
        Assert.Contains("<strong>oss</strong>", first.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("http://localhost/nyheter/feed",
            feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.All(feed.Descendants(Atom + "link"), l => Assert.StartsWith("http://localhost/", l.Attribute("href")!.Value, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Element(Atom + "id")?.Value)));

        // The scheduled article joins the feed at its time.
        factory.Clock.Set(NewsTestData.Utc(2026, 12, 2));
        var later = XDocument.Parse(await (await factory.CreateBrowserClient().GetPathAsync("/nyheter/feed")).BodyAsync());
        Assert.Equal("Kommer i december", later.Root!.Elements(Atom + "entry").First().Element(Atom + "title")!.Value);
        factory.Clock.Set(NewsTestData.Utc(2026, 11, 20));
    }

    [Fact]
    public async Task The_sitemap_lists_published_articles_only()
    {
        using var response = await factory.CreateBrowserClient().GetPathAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var locations = XDocument.Parse(await response.BodyAsync()).Root!.Elements(SitemapNs + "url")
            .Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();

        Assert.Contains("http://localhost/", locations);
        Assert.Contains("http://localhost/nyheter", locations);
        Assert.Contains("http://localhost/nyheter/2026/11/publicerad-och-klar", locations);
        Assert.Contains("http://localhost/nyheter/2022/03/aldre-nyhet", locations);
        Assert.DoesNotContain(locations, l => l.Contains("hemligt-utkast", StringComparison.Ordinal));
        Assert.DoesNotContain(locations, l => l.Contains("kommer-i-december", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_txt_allows_all_but_the_private_areas_and_points_to_the_sitemap()
    {
        using var response = await factory.CreateBrowserClient().GetPathAsync("/robots.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.BodyAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /redaktion", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /konto", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task The_start_page_shows_the_latest_published_news()
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync("/");
        var block = document.QuerySelector(".latest-news")!;
        var titles = block.QuerySelectorAll("h3 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Publicerad & klar <nu>", "Äldre nyhet"], titles);
        Assert.Equal("/nyheter/2026/11/publicerad-och-klar", block.QuerySelector("h3 a")!.GetAttribute("href"));
    }
}
