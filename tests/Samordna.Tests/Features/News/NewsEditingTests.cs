using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.News;

namespace Samordna.Tests.Features.News;

/// <summary>Editors write, preview, publish, schedule and unpublish; readers see only what is public at the time.</summary>
public sealed class NewsEditingTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static Dictionary<string, string> Fields(string title, string? slug = null, string? body = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Ingress"] = "HOPPET flyttar sina drop in-tider till Discord.",
        ["Input.Body"] = body ?? "Skicka ett sms så bjuder vi in dig till **HoppetOnline**.",
        ["Input.Tags"] = "HOPPET, unga",
        ["Input.Slug"] = slug ?? "",
    };

    private static async Task<int> ArticleIdFromRedirectAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/redaktion/nyheter/", location, StringComparison.Ordinal);
        await Task.CompletedTask;
        return int.Parse(location["/redaktion/nyheter/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<NewsArticle> LoadAsync(int id) =>
        factory.WithDbAsync(db => db.Set<NewsArticle>().AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task A_draft_is_not_public_until_the_editor_publishes_it()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 3, 10, 9));
        var editor = await factory.SignInAsEditorAsync();
        var fields = Fields("Digitalt drop-in på Discord");
        fields["Input.Tags"] = "HOPPET, unga, Discordåret";
        var id = await ArticleIdFromRedirectAsync(await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", fields, "save"));

        var draft = await LoadAsync(id);
        Assert.Equal("digitalt-drop-in-pa-discord", draft.Slug);
        Assert.Null(draft.PublishedAt);
        Assert.Equal(["Discordåret", "HOPPET", "unga"], draft.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync("/nyheter/2026/03/digitalt-drop-in-pa-discord")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync("/nyheter/amne/discordaret")).StatusCode);

        await ArticleIdFromRedirectAsync(await editor.SubmitMultipartAsync($"/redaktion/nyheter/{id}", [], "publish"));

        using var page = await anonymous.GetPathAsync("/nyheter/2026/03/digitalt-drop-in-pa-discord");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.BodyAsync();
        Assert.Contains("<h1 class=\"news-title\">Digitalt drop-in på Discord</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>HoppetOnline</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"Digitalt drop-in på Discord\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"HOPPET flyttar sina drop in-tider till Discord.\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/nyheter/2026/03/digitalt-drop-in-pa-discord\">", html, StringComparison.Ordinal);
        Assert.Contains("Digitalt drop-in på Discord", await (await anonymous.GetPathAsync("/nyheter")).BodyAsync(), StringComparison.Ordinal);

        var tagLink = Forms.Parse(html).QuerySelectorAll(".news-tags a").Single(a => a.TextContent == "Discordåret");
        Assert.Equal("/nyheter/amne/discordaret", tagLink.GetAttribute("href"));
        var tagPage = await anonymous.GetDocumentAsync("/nyheter/amne/discordaret");
        Assert.Equal("Nyheter om Discordåret", tagPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Digitalt drop-in på Discord"], tagPage.QuerySelectorAll(".news-item h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task A_scheduled_article_appears_at_its_Stockholm_time_and_not_before()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 6, 1, 8));
        var editor = await factory.SignInAsEditorAsync();
        var fields = Fields("Sommarens öppettider", "sommarens-oppettider");
        fields["Input.PublishAt"] = "2026-06-01T14:30"; // Stockholm summer time, UTC+2.
        var id = await ArticleIdFromRedirectAsync(await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", fields, "schedule"));

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 30, 0, TimeSpan.Zero), (await LoadAsync(id)).PublishedAt);
        var anonymous = factory.CreateBrowserClient();
        const string Url = "/nyheter/2026/06/sommarens-oppettider";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync(Url)).StatusCode);
        Assert.DoesNotContain("Sommarens öppettider", await (await anonymous.GetPathAsync("/nyheter")).BodyAsync(), StringComparison.Ordinal);

        factory.Clock.Set(new DateTimeOffset(2026, 6, 1, 12, 29, 59, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync(Url)).StatusCode);

        factory.Clock.Set(new DateTimeOffset(2026, 6, 1, 12, 30, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPathAsync(Url)).StatusCode);
        Assert.Contains("Sommarens öppettider", await (await anonymous.GetPathAsync("/nyheter/2026/06")).BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduling_in_the_past_is_refused_with_a_Swedish_message()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 6, 1, 8));
        var editor = await factory.SignInAsEditorAsync();
        var fields = Fields("För sent");
        fields["Input.PublishAt"] = "2026-05-31T10:00";
        using var response = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", fields, "schedule");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        Assert.Contains("Tidpunkten har redan passerat", document.QuerySelector("#publish-at-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#publish-at")!.GetAttribute("aria-invalid"));
        Assert.Equal("2026-05-31T10:00", document.QuerySelector("#publish-at")!.GetAttribute("value"));
        Assert.Equal("För sent", document.QuerySelector("#title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_unpublished_article_is_404_again()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 4, 2));
        var article = await factory.AddArticleAsync("Avpubliceras snart", NewsTestData.Utc(2026, 4, 1), "avpubliceras-snart");
        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPathAsync("/nyheter/2026/04/avpubliceras-snart")).StatusCode);

        var editor = await factory.SignInAsEditorAsync();
        await ArticleIdFromRedirectAsync(await editor.SubmitMultipartAsync($"/redaktion/nyheter/{article.Id}", [], "unpublish"));

        Assert.Null((await LoadAsync(article.Id)).PublishedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync("/nyheter/2026/04/avpubliceras-snart")).StatusCode);
    }

    [Fact]
    public async Task A_changed_slug_keeps_the_old_address_as_a_permanent_redirect()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        var article = await factory.AddArticleAsync("Drop in", NewsTestData.Utc(2020, 3, 20), "digitalt-drop-in");
        var editor = await factory.SignInAsEditorAsync();
        await ArticleIdFromRedirectAsync(await editor.SubmitMultipartAsync($"/redaktion/nyheter/{article.Id}",
            new() { ["Input.Slug"] = "Digitala drop in-tider på HOPPET" }, "save"));

        Assert.Equal("digitala-drop-in-tider-pa-hoppet", (await LoadAsync(article.Id)).Slug);
        var anonymous = factory.CreateBrowserClient();
        using var old = await anonymous.GetPathAsync("/nyheter/2020/03/digitalt-drop-in");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/nyheter/2020/03/digitala-drop-in-tider-pa-hoppet", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPathAsync("/nyheter/2020/03/digitala-drop-in-tider-pa-hoppet")).StatusCode);

        // The old slug stays reserved: another article cannot take it over.
        using var taken = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", Fields("Ny nyhet", "digitalt-drop-in"), "save");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("används redan", await taken.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_year_or_month_in_the_address_redirects_to_the_publication_month()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        await factory.AddArticleAsync("Mingel", NewsTestData.Utc(2020, 3, 5), "asf-mingel-installt");
        var anonymous = factory.CreateBrowserClient();
        foreach (var url in new[] { "/nyheter/2020/04/asf-mingel-installt", "/nyheter/2020/3/asf-mingel-installt", "/nyheter/2020/03/ASF-mingel-installt" })
        {
            using var response = await anonymous.GetPathAsync(url);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/nyheter/2020/03/asf-mingel-installt", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync("/nyheter/2020/03/finns-inte")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_in_Swedish_with_everything_typed_kept()
    {
        var editor = await factory.SignInAsEditorAsync();
        var fields = Fields("", body: "Min **långa** text\nsom inte får försvinna.");
        fields["Input.Ingress"] = new string('x', NewsArticle.IngressMaxLength + 1);
        using var response = await editor.SubmitMultipartAsync("/redaktion/nyheter/ny", fields, "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        Assert.Contains("Skriv en rubrik.", document.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ingressen får vara högst 500 tecken", document.QuerySelector("#ingress-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#title")!.GetAttribute("aria-invalid"));
        Assert.Contains("title-error", document.QuerySelector("#title")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Min **långa** text\nsom inte får försvinna.", document.QuerySelector("#body")!.TextContent);
        Assert.Equal("HOPPET, unga", document.QuerySelector("#tags")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<NewsArticle>().CountAsync(a => a.Title == "")));
    }

    [Fact]
    public async Task Preview_renders_what_is_typed_and_saves_nothing()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        var article = await factory.AddArticleAsync("Före förhandsgranskning", NewsTestData.Utc(2026, 5, 1));
        var editor = await factory.SignInAsEditorAsync();
        using var response = await editor.SubmitMultipartAsync($"/redaktion/nyheter/{article.Id}",
            new() { ["Input.Title"] = "Ändrad rubrik", ["Input.Body"] = "## Mellanrubrik\n\nNy text." }, "preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        var preview = document.QuerySelector(".news-preview")!;
        Assert.Equal("Ändrad rubrik", preview.QuerySelector(".news-title")!.TextContent);
        Assert.Equal("Mellanrubrik", preview.QuerySelector(".news-body h2")!.TextContent);
        Assert.Equal("Ändrad rubrik", document.QuerySelector("#title")!.GetAttribute("value"));
        var stored = await LoadAsync(article.Id);
        Assert.Equal("Före förhandsgranskning", stored.Title);
        Assert.Equal(article.Version, stored.Version);
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_is_refused_and_keeps_the_typing()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        var article = await factory.AddArticleAsync("Samtidig redigering", null);
        var first = await factory.SignInAsEditorAsync();
        var second = await factory.SignInAsEditorAsync();
        var url = $"/redaktion/nyheter/{article.Id}";
        var secondForm = await second.GetDocumentAsync(url); // Opened before the first editor saves.

        await ArticleIdFromRedirectAsync(await first.SubmitMultipartAsync(url, new() { ["Input.Title"] = "Först sparad" }, "save"));

        var fields = Forms.FieldsOf((AngleSharp.Html.Dom.IHtmlFormElement)secondForm.QuerySelector("main form[method=post]")!);
        fields.RemoveAll(f => f.Key == "Input.Title");
        fields.Add(new("Input.Title", "Sent sparad"));
        fields.Add(new("command", "save"));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        using var response = await second.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var document = Forms.Parse(await response.BodyAsync());
        Assert.Contains("har ändrats av någon annan", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sent sparad", document.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("Först sparad", (await LoadAsync(article.Id)).Title);
    }

    [Fact]
    public async Task Markdown_with_script_and_javascript_links_renders_inert()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        await factory.AddArticleAsync("XSS", NewsTestData.Utc(2026, 5, 1), "xss-prov",
            body: "<script>alert(1)</script>\n\n[klicka](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n![bild](javascript:alert(4))");
        using var response = await factory.CreateBrowserClient().GetPathAsync("/nyheter/2026/05/xss-prov");
        var body = Forms.Parse(await response.BodyAsync()).QuerySelector(".news-body")!;

        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("[onerror]"));
        Assert.DoesNotContain(body.QuerySelectorAll("a, img"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;", body.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/redaktion/nyheter")]
    [InlineData("/redaktion/nyheter/ny")]
    public async Task Anonymous_visitors_and_staff_cannot_reach_the_editor_pages(string url)
    {
        using var anonymous = await factory.CreateBrowserClient().GetPathAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/konto/logga-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var staff = await factory.SignInAsStaffAsync();
        using var response = await staff.GetPathAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/konto/nekad", StringComparison.Ordinal) == true,
            $"Staff got {(int)response.StatusCode} {response.Headers.Location}");

        var editor = await factory.SignInAsEditorAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetPathAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_post_to_the_editor_form()
    {
        var article = await factory.AddArticleAsync("Skyddad", null);
        var staff = await factory.SignInAsStaffAsync();
        var token = (await staff.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var content = new FormUrlEncodedContent([new("Input.Title", "Kapad"), new("command", "publish"), new("__RequestVerificationToken", token)]);
        using var response = await staff.PostAsync(new Uri($"/redaktion/nyheter/{article.Id}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/redaktion", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var stored = await LoadAsync(article.Id);
        Assert.Equal("Skyddad", stored.Title);
        Assert.Null(stored.PublishedAt);
    }

    [Fact]
    public async Task A_deleted_article_and_its_old_addresses_are_gone()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        var article = await factory.AddArticleAsync("Tas bort", NewsTestData.Utc(2026, 5, 1), "tas-bort");
        var editor = await factory.SignInAsEditorAsync();
        await ArticleIdFromRedirectAsync(await editor.SubmitMultipartAsync($"/redaktion/nyheter/{article.Id}",
            new() { ["Input.Slug"] = "tas-bort-nu" }, "save"));

        var page = await editor.GetDocumentAsync($"/redaktion/nyheter/{article.Id}");
        using var deleted = await editor.SubmitFormAsync(page, $"/redaktion/nyheter/{article.Id}", [], "form.news-delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/redaktion/nyheter", deleted.Headers.Location!.OriginalString);

        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync("/nyheter/2026/05/tas-bort-nu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPathAsync("/nyheter/2026/05/tas-bort")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Set<NewsSlugRedirect>().AnyAsync(r => r.Slug == "tas-bort")));
    }

    [Fact]
    public async Task Editors_find_an_edit_link_on_the_public_article()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 5, 2));
        var article = await factory.AddArticleAsync("Med redigeringslänk", NewsTestData.Utc(2026, 5, 1), "med-redigeringslank");
        var editor = await factory.SignInAsEditorAsync();
        var asEditor = await editor.GetDocumentAsync("/nyheter/2026/05/med-redigeringslank");
        Assert.Equal($"/redaktion/nyheter/{article.Id}", asEditor.QuerySelector(".news-edit-link a")!.GetAttribute("href"));
        var asVisitor = await factory.CreateBrowserClient().GetDocumentAsync("/nyheter/2026/05/med-redigeringslank");
        Assert.Null(asVisitor.QuerySelector(".news-edit-link"));
    }
}
