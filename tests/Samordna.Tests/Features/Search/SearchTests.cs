using System.Net;
using Samordna.Tests.Features.Documents;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;
using Samordna.Web.Features.News;
using Samordna.Web.Features.Pages;
using Samordna.Web.Platform.Time;

namespace Samordna.Tests.Features.Search;

/// <summary>The site search at /sok finds news, pages and documents, safely highlighted, and only what is public.</summary>
public sealed class SearchTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task News_pages_and_documents_are_found_by_words_in_their_titles_and_texts()
    {
        var article = await factory.SaveNewsAsync("Frukostseminarium om arbetsintegrerande företag",
            "Vi bjuder in till frukost i **Märsta** där vi berättar om kooperativen.");
        var page = await factory.CreatePageAsync("Styrelsens arbetsordning", "Styrelsen sammanträder fyra gånger om året i Sollentuna.");
        var document = await factory.AddDocumentAsync("Revisionsberättelse 2019", 2019, DocumentCategory.AnnualReport);

        var byTitle = Assert.Single(await factory.SearchAsync("frukostseminarium"));
        Assert.Equal(("Frukostseminarium om arbetsintegrerande företag", "Nyhet", article.Url), (byTitle.Title, byTitle.Type, byTitle.Url));
        // Shown as the day the test clock says it was published (other tests in this class move the clock).
        Assert.Equal(article.PublishedAt!.Value.ToStockholm().ToString("d MMMM yyyy", StockholmTime.Swedish), byTitle.Date);
        var byBody = Assert.Single(await factory.SearchAsync("kooperativen"));
        Assert.Equal(article.Url, byBody.Url);
        Assert.Contains("<mark>kooperativen</mark>", byBody.SnippetHtml, StringComparison.Ordinal);
        // Markdown is indexed as its text: the emphasis marks are not part of the words.
        Assert.Single(await factory.SearchAsync("Märsta"));

        var pageHit = Assert.Single(await factory.SearchAsync("Sollentuna"));
        Assert.Equal(("Styrelsens arbetsordning", "Sida", page.Path), (pageHit.Title, pageHit.Type, pageHit.Url));
        Assert.Single(await factory.SearchAsync("arbetsordning"));

        var documentHit = Assert.Single(await factory.SearchAsync("revisionsberättelse"));
        Assert.Equal(("Revisionsberättelse 2019", "Dokument", document.Url), (documentHit.Title, documentHit.Type, documentHit.Url));
        Assert.StartsWith("Årsredovisningar, 2019. PDF, ", documentHit.SnippetHtml, StringComparison.Ordinal);
        Assert.Equal("<mark>Revisionsberättelse</mark> 2019", documentHit.TitleHtml);

        // All words must be there.
        Assert.Single(await factory.SearchAsync("frukostseminarium företag"));
        Assert.Empty(await factory.SearchAsync("frukostseminarium Sollentuna"));
    }

    [Fact]
    public async Task A_title_or_text_with_markup_renders_inert_and_only_hits_are_marked()
    {
        const string Title = "<script>alert('titel')</script> Workshopdag";
        await factory.SaveNewsAsync(Title, "Vi håller en <b>trädgårdsworkshop</b> & bjuder på <img src=x onerror=alert(1)> fika.\n\nVälkommen till trädgårdsworkshop!");

        var page = await factory.SearchPageAsync("trädgårdsworkshop");
        var hit = Assert.Single(SearchTestData.Hits(page));

        Assert.Equal(Title, hit.Title);
        Assert.Equal("&lt;script&gt;alert('titel')&lt;/script&gt; Workshopdag", hit.TitleHtml);
        Assert.Empty(page.QuerySelectorAll("main script, main img, main b"));
        var snippet = page.QuerySelector(".search-snippet")!;
        Assert.All(snippet.QuerySelectorAll("*"), e => Assert.Equal("mark", e.LocalName));
        Assert.Contains("<mark>trädgårdsworkshop</mark>", snippet.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=alert(1)>", snippet.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_never_found_and_scheduled_news_only_from_its_time()
    {
        var draft = await factory.SaveNewsAsync("Utkast om kartläggningen", "Hemlig text om kartläggningsmetoden.", NewsEditAction.Save);
        Assert.Null(draft.PublishedAt);
        Assert.Empty(await factory.SearchAsync("kartläggningsmetoden"));

        var at = factory.Clock.GetUtcNow().AddDays(2);
        var scheduled = await factory.SaveNewsAsync("Webbinarium om unga vuxna", "Webbinariet handlar om fokusgrupperna.", NewsEditAction.Schedule, at);
        Assert.Empty(await factory.SearchAsync("fokusgrupperna"));

        factory.Clock.Set(at.AddMinutes(-1));
        Assert.Empty(await factory.SearchAsync("fokusgrupperna"));
        factory.Clock.Set(at);
        var hit = Assert.Single(await factory.SearchAsync("fokusgrupperna"));
        Assert.Equal(scheduled.Url, hit.Url);

        // Unpublishing takes it out again.
        await factory.SaveNewsAsync(scheduled.Title, scheduled.Body, NewsEditAction.Unpublish, id: scheduled.Id, version: scheduled.Version);
        Assert.Empty(await factory.SearchAsync("fokusgrupperna"));
    }

    [Fact]
    public async Task Edits_and_deletions_are_reflected_at_once()
    {
        var article = await factory.SaveNewsAsync("Mingel om sociala företag", "Minglet hålls på biblioteket.");
        Assert.Single(await factory.SearchAsync("biblioteket"));
        var edited = await factory.SaveNewsAsync("Mingel om sociala företag", "Minglet hålls i stadshuset.", NewsEditAction.Save,
            id: article.Id, version: article.Version);
        Assert.Empty(await factory.SearchAsync("biblioteket"));
        Assert.Single(await factory.SearchAsync("stadshuset"));
        await factory.DeleteNewsAsync(edited);
        Assert.Empty(await factory.SearchAsync("stadshuset"));

        var page = await factory.CreatePageAsync("Om Resursteamet", "Resursteamet träffas på tisdagar.");
        Assert.Equal(SaveStatus.Saved, (await factory.SavePageAsync(page, "Om Resursteamet", "Resursteamet träffas på onsdagar.")).Status);
        Assert.Empty(await factory.SearchAsync("tisdagar"));
        Assert.Single(await factory.SearchAsync("onsdagar"));
        Assert.Equal(DeleteOutcome.Deleted, await factory.DeletePageAsync(page));
        Assert.Empty(await factory.SearchAsync("onsdagar"));

        var document = await factory.AddDocumentAsync("Delårsrapport augusti", 2021, DocumentCategory.Other);
        Assert.Single(await factory.SearchAsync("delårsrapport"));
        var editor = await factory.SignInAsEditorAsync();
        using (var renamed = await editor.SubmitDocumentFormAsync(DocumentUrls.Edit(document.Id), new() { ["Input.Title"] = "Tertialrapport augusti" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }
        Assert.Empty(await factory.SearchAsync("delårsrapport"));
        var hit = Assert.Single(await factory.SearchAsync("tertialrapport"));
        Assert.Equal(DocumentUrls.File(document.Id, "Tertialrapport augusti"), hit.Url);
        using (var deleted = await editor.SubmitFormAsync(DocumentUrls.Edit(document.Id), [], "main form.document-delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.Empty(await factory.SearchAsync("tertialrapport"));
    }

    [Fact]
    public async Task Swedish_letters_are_letters_of_their_own()
    {
        await factory.AddDocumentAsync("Öppet möte på Ekebyvägen", 2022, DocumentCategory.NoticeBoard);

        Assert.Single(await factory.SearchAsync("ekebyvägen"));
        Assert.Single(await factory.SearchAsync("EKEBYVÄGEN"));
        Assert.Empty(await factory.SearchAsync("ekebyvagen"));
    }

    [Fact]
    public async Task The_form_keeps_the_query_and_an_empty_query_or_no_hits_gets_a_friendly_message()
    {
        var empty = await factory.CreateBrowserClient().GetDocumentAsync("/sok");
        Assert.Contains("Skriv ett eller flera ord", empty.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var form = empty.QuerySelector("main form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("search", form.GetAttribute("role"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("search-query", form.QuerySelector("label")!.GetAttribute("for"));

        var none = await factory.SearchPageAsync("  xyzzyfnord \"<i>\" ");
        Assert.Equal("xyzzyfnord \"<i>\"", none.QuerySelector("#search-query")!.GetAttribute("value"));
        Assert.Contains("Ingen träff på ”xyzzyfnord \"<i>\"”.", none.QuerySelector(".search-none")!.TextContent, StringComparison.Ordinal);
        Assert.Null(none.QuerySelector("main i"));

        var tooLong = await factory.SearchPageAsync(new string('a', 201), expected: HttpStatusCode.BadRequest);
        Assert.Contains("för lång", tooLong.QuerySelector("#search-query-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", tooLong.QuerySelector("#search-query")!.GetAttribute("aria-invalid"));

        // Only punctuation: nothing to search for, and no error either.
        Assert.Empty(SearchTestData.Hits(await factory.SearchPageAsync("\"*:-()")));
    }

    [Fact]
    public async Task Results_come_ten_to_a_page_with_a_count()
    {
        for (var i = 1; i <= 12; i++)
        {
            await factory.AddDocumentAsync($"Kungörelse nummer {i}", 2023, DocumentCategory.NoticeBoard);
        }

        var first = await factory.SearchPageAsync("kungörelse");
        Assert.Equal(10, SearchTestData.Hits(first).Count);
        Assert.StartsWith("12 träffar på ”kungörelse”, sida 1 av 2", first.QuerySelector(".search-count")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/sok?q=kung%C3%B6relse&sida=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var second = await factory.SearchPageAsync("kungörelse", 2);
        Assert.Equal(2, SearchTestData.Hits(second).Count);
        Assert.Equal("11", second.QuerySelector("ol.search-results")!.GetAttribute("start"));
        Assert.Equal("/sok?q=kung%C3%B6relse", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Empty(SearchTestData.Hits(first).Select(h => h.Url).Intersect(SearchTestData.Hits(second).Select(h => h.Url)));

        await factory.SearchPageAsync("kungörelse", 3, HttpStatusCode.NotFound);
        using var badPage = await factory.CreateBrowserClient().GetAsync(new Uri("/sok?q=kung%C3%B6relse&sida=x", UriKind.Relative), SearchTestData.Ct);
        Assert.Equal(HttpStatusCode.NotFound, badPage.StatusCode);
    }
}
