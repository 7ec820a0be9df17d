using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.News;

/// <summary>The archive by year and month, its counts, empty periods and paging. Each test uses years of its own.</summary>
public sealed class NewsArchiveTests : IClassFixture<SamordnaFactory>
{
    private readonly SamordnaFactory factory;

    public NewsArchiveTests(SamordnaFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(NewsTestData.Utc(2040, 1, 1));
    }

    private static string CountAfter(AngleSharp.Dom.IElement link) =>
        link.NextElementSibling!.TextContent.Trim().Split(' ')[0].Trim('(', ')');

    [Fact]
    public async Task The_archive_counts_public_articles_per_year_and_Stockholm_month()
    {
        await factory.AddArticleAsync("Mars ett", NewsTestData.Utc(2011, 3, 2));
        await factory.AddArticleAsync("Mars två", NewsTestData.Utc(2011, 3, 20));
        await factory.AddArticleAsync("Sista mars i Stockholm", new DateTimeOffset(2011, 3, 31, 22, 30, 0, TimeSpan.Zero)); // 00.30 on 1 April in Stockholm
        await factory.AddArticleAsync("Maj", NewsTestData.Utc(2011, 5, 9));
        await factory.AddArticleAsync("Januari året efter", NewsTestData.Utc(2012, 1, 9));
        await factory.AddArticleAsync("Utkast", null);
        await factory.AddArticleAsync("Schemalagd", NewsTestData.Utc(2041, 3, 1));

        var document = await factory.CreateBrowserClient().GetDocumentAsync("/nyheter/2011/03");
        var archive = document.QuerySelector("nav.news-archive")!;
        Assert.Equal("4", CountAfter(archive.QuerySelector("a[href='/nyheter/2011']")!));
        Assert.Equal("2", CountAfter(archive.QuerySelector("a[href='/nyheter/2011/03']")!));
        Assert.Equal("1", CountAfter(archive.QuerySelector("a[href='/nyheter/2011/04']")!));
        Assert.Equal("1", CountAfter(archive.QuerySelector("a[href='/nyheter/2011/05']")!));
        Assert.Equal("1", CountAfter(archive.QuerySelector("a[href='/nyheter/2012']")!));
        Assert.Null(archive.QuerySelector("a[href='/nyheter/2041']"));
        Assert.Equal("page", archive.QuerySelector("a[href='/nyheter/2011/03']")!.GetAttribute("aria-current"));

        Assert.Equal("Nyheter mars 2011", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Mars två", "Mars ett"], document.QuerySelectorAll(".news-item h2").Select(h => h.TextContent));
        var crumbs = document.QuerySelectorAll(".breadcrumbs li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Nyheter", "2011", "03 (mars 2011)"], crumbs);

        var april = await factory.CreateBrowserClient().GetDocumentAsync("/nyheter/2011/04");
        Assert.Equal(["Sista mars i Stockholm"], april.QuerySelectorAll(".news-item h2").Select(h => h.TextContent));
        var year = await factory.CreateBrowserClient().GetDocumentAsync("/nyheter/2011");
        Assert.Equal(4, year.QuerySelectorAll(".news-item").Length);
    }

    [Fact]
    public async Task An_empty_month_says_so_and_links_to_the_nearest_months_with_news()
    {
        await factory.AddArticleAsync("Februari", NewsTestData.Utc(2014, 2, 10));
        await factory.AddArticleAsync("Januari", NewsTestData.Utc(2014, 1, 10));
        await factory.AddArticleAsync("Juli", NewsTestData.Utc(2014, 7, 10));

        using var response = await factory.CreateBrowserClient().GetPathAsync("/nyheter/2014/04");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        Assert.Equal("Det finns inga nyheter för den här perioden.", document.QuerySelector(".news-empty")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".news-item"));
        var neighbours = document.QuerySelector(".news-neighbours")!;
        Assert.Equal("/nyheter/2014/02", neighbours.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("februari 2014", neighbours.QuerySelector("a[rel=prev]")!.TextContent);
        Assert.Equal("/nyheter/2014/07", neighbours.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_empty_year_links_to_the_nearest_years_with_news()
    {
        await factory.AddArticleAsync("År 2016", NewsTestData.Utc(2016, 6, 1));
        await factory.AddArticleAsync("År 2018", NewsTestData.Utc(2018, 6, 1));

        var document = await factory.CreateBrowserClient().GetDocumentAsync("/nyheter/2017");
        Assert.Equal("Det finns inga nyheter för den här perioden.", document.QuerySelector(".news-empty")!.TextContent);
        Assert.Equal("/nyheter/2016", document.QuerySelector(".news-neighbours a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/nyheter/2018", document.QuerySelector(".news-neighbours a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Long_lists_are_paged_ten_at_a_time()
    {
        for (var day = 1; day <= 23; day++)
        {
            await factory.AddArticleAsync($"September {day:D2}", NewsTestData.Utc(2020, 9, day), $"september-2020-{day}");
        }
        var client = factory.CreateBrowserClient();

        var first = await client.GetDocumentAsync("/nyheter/2020/09");
        Assert.Equal(10, first.QuerySelectorAll(".news-item").Length);
        Assert.Equal("September 23", first.QuerySelector(".news-item h2")!.TextContent);
        Assert.Equal("/nyheter/2020/09?sida=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));

        var third = await client.GetDocumentAsync("/nyheter/2020/09?sida=3");
        Assert.Equal(["September 03", "September 02", "September 01"], third.QuerySelectorAll(".news-item h2").Select(h => h.TextContent));
        Assert.Null(third.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("/nyheter/2020/09?sida=2", third.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPathAsync("/nyheter/2020/09?sida=4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPathAsync("/nyheter/2020/09?sida=noll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPathAsync("/nyheter/2020/09?sida=0")).StatusCode);
        using var pageOne = await client.GetPathAsync("/nyheter/2020/09?sida=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, pageOne.StatusCode);
        Assert.Equal("/nyheter/2020/09", pageOne.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/nyheter/2020/13")]
    [InlineData("/nyheter/2020/00")]
    [InlineData("/nyheter/2020/-1")]
    [InlineData("/nyheter/99999")]
    [InlineData("/nyheter/1066")]
    [InlineData("/nyheter/tjugotjugo")]
    [InlineData("/nyheter/2020/mars")]
    [InlineData("/nyheter/2020/13/nagot")]
    public async Task An_invalid_year_or_month_is_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetPathAsync(url)).StatusCode);

    [Fact]
    public async Task A_month_written_without_its_leading_zero_redirects_to_the_two_digit_address()
    {
        using var response = await factory.CreateBrowserClient().GetPathAsync("/nyheter/2020/3");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/nyheter/2020/03", response.Headers.Location!.OriginalString);
    }
}
