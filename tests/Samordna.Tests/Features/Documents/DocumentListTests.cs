using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;

namespace Samordna.Tests.Features.Documents;

/// <summary>The public list: grouped by year, newest first, filtered by category, with Swedish sizes and dates.</summary>
public sealed class DocumentListTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>, IAsyncLifetime
{
    /// <summary>Runs before each test (xunit makes an instance per test); the documents go in once per fixture.</summary>
    public async ValueTask InitializeAsync()
    {
        if (await factory.WithDbAsync(db => db.Set<Document>().AnyAsync(DocumentTestData.Ct)))
        {
            return;
        }
        factory.Clock.Set(new DateTimeOffset(2019, 12, 9, 13, 0, 0, TimeSpan.Zero));
        await factory.AddDocumentAsync("Protokoll styrelsemöte 2 december 2019", 2019, DocumentCategory.BoardMinutes);
        factory.Clock.Set(new DateTimeOffset(2020, 3, 19, 9, 0, 0, TimeSpan.Zero));
        await factory.AddDocumentAsync("Årsredovisning 2019", 2019, DocumentCategory.AnnualReport, DocumentTestData.Pdf(minLength: 1_258_291));
        factory.Clock.Set(new DateTimeOffset(2020, 3, 25, 10, 0, 0, TimeSpan.Zero));
        await factory.AddDocumentAsync("Protokoll styrelsemöte 18 mars 2020", 2020, DocumentCategory.BoardMinutes);
        factory.Clock.Set(new DateTimeOffset(2020, 3, 25, 10, 5, 0, TimeSpan.Zero));
        await factory.AddDocumentAsync("Anslag: justerat protokoll från 18 mars 2020", 2020, DocumentCategory.NoticeBoard);
        factory.Clock.Set(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_list_is_grouped_by_year_newest_first_with_size_and_date_in_Swedish()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/dokument");

        Assert.Equal(["2020", "2019"], page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToArray());
        var years = page.QuerySelectorAll(".document-year").ToList();
        Assert.Equal(
            ["Anslag: justerat protokoll från 18 mars 2020", "Protokoll styrelsemöte 18 mars 2020"],
            years[0].QuerySelectorAll(".document-link").Select(a => a.FirstChild!.TextContent.Trim()).ToArray());
        Assert.Equal(
            ["Årsredovisning 2019", "Protokoll styrelsemöte 2 december 2019"],
            years[1].QuerySelectorAll(".document-link").Select(a => a.FirstChild!.TextContent.Trim()).ToArray());

        var report = years[1].QuerySelectorAll(".document-item")[0];
        Assert.Equal("(PDF, 1,2 MB)", report.QuerySelector(".document-size")!.TextContent);
        Assert.Equal("19 mars 2020", report.QuerySelector("time")!.TextContent);
        Assert.Contains("Årsredovisningar", report.QuerySelector(".document-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^/dokument/\d+/arsredovisning-2019\.pdf$", report.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("page", page.QuerySelector(".document-filter a[href='/dokument']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_category_shows_only_its_documents_still_grouped_by_year()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/dokument?kategori=styrelseprotokoll");

        Assert.Equal("Dokument: Styrelseprotokoll", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["2020", "2019"], page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToArray());
        Assert.Equal(2, page.QuerySelectorAll(".document-item").Length);
        Assert.All(page.QuerySelectorAll(".document-link"), a => Assert.StartsWith("Protokoll styrelsemöte", a.TextContent, StringComparison.Ordinal));
        var filter = page.QuerySelector(".document-filter a[aria-current='page']")!;
        Assert.Equal("/dokument?kategori=styrelseprotokoll", filter.GetAttribute("href"));
        Assert.Contains("(2)", filter.TextContent, StringComparison.Ordinal);
        // Categories without documents are not offered.
        Assert.Null(page.QuerySelector(".document-filter a[href='/dokument?kategori=verksamhetsplaner']"));
    }

    [Fact]
    public async Task An_unknown_category_says_so_with_404_and_lists_everything()
    {
        using var response = await factory.CreateBrowserClient().GetPathAsync("/dokument?kategori=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        var page = Forms.Parse(body);
        Assert.Contains("Det finns ingen kategori som heter", page.QuerySelector(".alert-warn")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll(".document-item").Length);
    }

    [Fact]
    public async Task The_sitemap_lists_the_document_page_every_file_and_the_content_pages()
    {
        var sitemap = await (await factory.CreateBrowserClient().GetPathAsync("/sitemap.xml")).BodyAsync();

        Assert.Contains("<loc>http://localhost/dokument</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("/arsredovisning-2019.pdf</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("/anslag-justerat-protokoll-fran-18-mars-2020.pdf</loc>", sitemap, StringComparison.Ordinal);
        // The content pages' own source (added with the documents' one).
        Assert.Contains("<loc>http://localhost/om</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/tillganglighet</loc>", sitemap, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(812L, "812 byte")]
    [InlineData(45L * 1024, "45 kB")]
    [InlineData(1_258_291L, "1,2 MB")]
    [InlineData(20L * 1024 * 1024, "20,0 MB")]
    public void Sizes_are_written_the_Swedish_way(long bytes, string expected) =>
        Assert.Equal(expected, FileSizes.Format(bytes, System.Globalization.CultureInfo.GetCultureInfo("sv-SE")));
}
