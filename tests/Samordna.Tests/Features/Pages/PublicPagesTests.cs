using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.Pages;

public sealed class PublicPagesTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Theory]
    [InlineData("/om", "Om förbundet", "Upplands Väsby kommun")]
    [InlineData("/kontakt", "Kontakt", "Kipa Poikolainen, tel.")]
    [InlineData("/tillganglighet", "Tillgänglighetsredogörelse", "delvis förenlig")]
    [InlineData("/personuppgifter", "Så behandlar vi dina personuppgifter", "personuppgiftsansvarig")]
    [InlineData("/cookies", "Cookies", "samordna.2fa-remember")]
    public async Task Each_required_page_is_public_with_its_content_one_h1_and_an_update_date(string path, string title, string content)
    {
        var client = factory.CreateBrowserClient();
        var (response, document) = await client.GetHtmlAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var h1 = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal(title, h1.TextContent.Trim());
        Assert.StartsWith(title + " – ", document.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.Contains(content, document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var updated = document.QuerySelector(".page-meta")!;
        Assert.Contains("Senast uppdaterad", updated.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-11-24", updated.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("24 november 2026", updated.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accessibility_statement_has_what_DIGG_requires()
    {
        var client = factory.CreateBrowserClient();
        var (_, document) = await client.GetHtmlAsync("/tillganglighet");
        var main = document.QuerySelector("main")!;
        var text = main.TextContent;

        Assert.NotNull(main.QuerySelector("a[href='https://www.digg.se/tdosanmalan']"));
        Assert.Contains("Senaste bedömningen gjordes den 27 november 2026", text, StringComparison.Ordinal);
        Assert.Contains("lagen (2018:1937) om tillgänglighet till digital offentlig service", text, StringComparison.Ordinal);
        Assert.Contains("delvis förenlig", text, StringComparison.Ordinal);
        Assert.Contains("PDF-dokument", text, StringComparison.Ordinal);
        Assert.Contains("alternativtext", text, StringComparison.Ordinal);
        Assert.Contains("axe-core", text, StringComparison.Ordinal);
        Assert.Contains("arbetsdagar", text, StringComparison.Ordinal);
        // Headings stay in order: the body starts at h2 under the page's h1.
        Assert.Empty(main.QuerySelectorAll(".prose h1"));
    }

    [Fact]
    public async Task Contact_page_gives_the_media_contact_with_a_phone_link()
    {
        var client = factory.CreateBrowserClient();
        var (_, document) = await client.GetHtmlAsync("/kontakt");

        var phone = document.QuerySelector("main a[href='tel:+46739151789']");
        Assert.NotNull(phone);
        Assert.Equal("073-915 17 89", phone.TextContent);
        Assert.Contains("Mediakontakt", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_page_covers_legal_bases_rights_and_the_data_protection_officer()
    {
        var client = factory.CreateBrowserClient();
        var (_, document) = await client.GetHtmlAsync("/personuppgifter");
        var text = document.QuerySelector("main")!.TextContent;

        Assert.Contains("allmänt intresse", text, StringComparison.Ordinal);
        Assert.Contains("myndighetsutövning", text, StringComparison.Ordinal);
        Assert.Contains("samtycke", text, StringComparison.Ordinal);
        Assert.Contains("Integritetsskyddsmyndigheten (IMY)", text, StringComparison.Ordinal);
        Assert.Contains("dataskyddsombud", text, StringComparison.Ordinal);
        Assert.Contains("rättade", text, StringComparison.Ordinal);
        Assert.Contains("raderade", text, StringComparison.Ordinal);
        Assert.Contains("Hur länge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_page_lists_every_cookie_the_site_sets()
    {
        var client = factory.CreateBrowserClient();
        var (_, document) = await client.GetHtmlAsync("/cookies");
        var headings = document.QuerySelectorAll("main h3").Select(h => h.TextContent.Split(' ')[0]).ToList();

        Assert.Equal(["samordna.auth", "samordna.2fa", "samordna.2fa-remember", "samordna.af", "samordna.lang"], headings);
        Assert.Contains("ingen cookieruta", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_made_page_is_served_under_sida_and_a_required_slug_there_redirects_to_its_own_address()
    {
        await factory.InsertPageAsync("arsredovisning-2026", "Årsredovisning 2026", "## Resultat\n\nÅret i siffror.");
        var client = factory.CreateBrowserClient();

        var (response, document) = await client.GetHtmlAsync("/sida/arsredovisning-2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Årsredovisning 2026", Assert.Single(document.QuerySelectorAll("h1")).TextContent);

        using var redirect = await client.GetAsync(new Uri("/sida/om", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/om", redirect.Headers.Location?.OriginalString);

        using var upperCase = await client.GetAsync(new Uri("/sida/Arsredovisning-2026", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, upperCase.StatusCode);
        Assert.Equal("/sida/arsredovisning-2026", upperCase.Headers.Location?.OriginalString);

        using var missing = await client.GetAsync(new Uri("/sida/finns-inte", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_first_level_heading_in_the_body_is_moved_down_so_the_title_stays_the_only_h1()
    {
        await factory.InsertPageAsync("rubriker", "Rubriker", "# Stor rubrik\n\nText.\n\n## Mindre rubrik\n\nMer text.");
        var client = factory.CreateBrowserClient();
        var (_, document) = await client.GetHtmlAsync("/sida/rubriker");

        Assert.Equal("Rubriker", Assert.Single(document.QuerySelectorAll("h1")).TextContent);
        Assert.Equal("Stor rubrik", document.QuerySelector(".prose h2")!.TextContent);
        Assert.Equal("Mindre rubrik", document.QuerySelector(".prose h3")!.TextContent);
    }

    [Fact]
    public async Task Pages_are_marked_as_Swedish_when_the_visitor_reads_the_site_in_English()
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("Cookie", "samordna.lang=c%3Den%7Cuic%3Den");
        var (_, document) = await client.GetHtmlAsync("/om");

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("sv", document.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("Last updated", document.QuerySelector(".page-meta")!.TextContent, StringComparison.Ordinal);
    }
}
