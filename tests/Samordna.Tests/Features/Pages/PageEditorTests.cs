using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Pages;
using Samordna.Web.Platform.Audit;

namespace Samordna.Tests.Features.Pages;

public sealed class PageEditorTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editor_edits_a_page_and_the_public_page_changes()
    {
        var editor = await factory.SignInAsEditorAsync();
        var page = await factory.PageAsync(RequiredPages.Contact);
        var url = $"/redaktion/sidor/{page.Id}";
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var response = await editor.SubmitPageFormAsync(url, new()
        {
            ["Input.Title"] = "Kontakta oss",
            ["Input.Description"] = "Så når du kansliet.",
            ["Input.Body"] = "## Telefontider\n\nVi svarar måndag till torsdag klockan 9–11.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
        var (_, edited) = await editor.GetHtmlAsync(url);
        Assert.Contains("Sidan sparades som version 2", edited.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var (publicResponse, document) = await factory.CreateBrowserClient().GetHtmlAsync("/kontakt");
        Assert.Equal(HttpStatusCode.OK, publicResponse.StatusCode);
        Assert.Equal("Kontakta oss", Assert.Single(document.QuerySelectorAll("h1")).TextContent);
        Assert.Equal("Så når du kansliet.", document.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("Telefontider", document.QuerySelector(".prose h2")!.TextContent);
        Assert.Equal("2026-11-27", document.QuerySelector(".page-meta time")!.GetAttribute("datetime"));

        var saved = await factory.PageAsync(RequiredPages.Contact);
        Assert.Equal(2, saved.Version);
        Assert.Equal(2, await factory.RevisionCountAsync(page.Id));
        Assert.NotNull(saved.UpdatedById);
    }

    [Fact]
    public async Task A_concurrent_edit_is_refused_and_the_editors_text_is_kept_in_the_form()
    {
        var first = await factory.SignInAsEditorAsync();
        var second = await factory.SignInAsEditorAsync();
        var page = await factory.PageAsync(RequiredPages.About);
        var url = $"/redaktion/sidor/{page.Id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        var firstSave = await first.SubmitPageFormAsync(url, new() { ["Input.Body"] = "Text från den första redaktören." }, document: firstForm);
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var secondSave = await second.SubmitPageFormAsync(url, new()
        {
            ["Input.Title"] = "Om oss",
            ["Input.Body"] = "Text från den andra redaktören,\nsom inte får gå förlorad.",
        }, document: secondForm);

        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var conflict = await secondSave.ParseAsync();
        Assert.Contains("Någon annan har sparat sidan medan du skrev.", conflict.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Text från den första redaktören.", conflict.QuerySelector("#conflict pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Om oss", conflict.InputValue("Input.Title"));
        Assert.Equal("Text från den andra redaktören,\nsom inte får gå förlorad.", conflict.TextAreaValue("Input.Body"));
        Assert.Equal("Text från den första redaktören.", (await factory.PageAsync(RequiredPages.About)).Body);

        // Having seen the other text, the second editor may save over it deliberately.
        var again = await second.SubmitPageFormAsync(url, [], document: conflict);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await factory.PageAsync(RequiredPages.About);
        Assert.Equal("Text från den andra redaktören,\nsom inte får gå förlorad.", saved.Body);
        Assert.Equal(page.Version + 2, saved.Version);
        Assert.Equal(saved.Version, await factory.RevisionCountAsync(page.Id));
    }

    [Fact]
    public async Task Preview_shows_the_rendered_text_and_keeps_the_typed_values_without_saving()
    {
        var editor = await factory.SignInAsEditorAsync();
        var page = await factory.PageAsync(RequiredPages.Privacy);
        var url = $"/redaktion/sidor/{page.Id}";

        var response = await editor.SubmitPageFormAsync(url, new()
        {
            ["Input.Title"] = "Dataskydd",
            ["Input.Body"] = "## Ny rubrik\n\nFörhandsgranskad *text*.\n\n" + MarkdownSafetyTests.Hostile,
        }, intent: "preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ParseAsync();
        var preview = document.QuerySelector(".preview")!;
        Assert.Contains("Inte sparad", preview.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dataskydd", preview.QuerySelector(".preview-title")!.TextContent);
        Assert.Equal("Ny rubrik", preview.QuerySelector(".prose h2")!.TextContent);
        Assert.Equal("text", preview.QuerySelector(".prose em")!.TextContent);
        MarkdownSafetyTests.AssertInert(preview);
        Assert.Equal("Dataskydd", document.InputValue("Input.Title"));
        Assert.StartsWith("## Ny rubrik\n\nFörhandsgranskad *text*.", document.TextAreaValue("Input.Body"), StringComparison.Ordinal);

        var unchanged = await factory.PageAsync(RequiredPages.Privacy);
        Assert.Equal(page.Title, unchanged.Title);
        Assert.Equal(page.Body, unchanged.Body);
        Assert.Equal(page.Version, unchanged.Version);
        Assert.Equal(1, await factory.RevisionCountAsync(page.Id));
        var (_, publicPage) = await factory.CreateBrowserClient().GetHtmlAsync("/personuppgifter");
        Assert.Equal(page.Title, publicPage.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_400_and_everything_typed_is_kept()
    {
        var editor = await factory.SignInAsEditorAsync();
        var page = await factory.PageAsync(RequiredPages.Cookies);
        var url = $"/redaktion/sidor/{page.Id}";
        var description = new string('d', ContentPage.DescriptionMaxLength + 1);
        var body = "Början av en mycket lång text. " + new string('x', ContentPage.BodyMaxLength);

        var response = await editor.SubmitPageFormAsync(url, new()
        {
            ["Input.Title"] = "   ",
            ["Input.Description"] = description,
            ["Input.Body"] = body,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ParseAsync();
        var summary = document.QuerySelector("#form-errors")!.TextContent;
        Assert.Contains("Skriv en titel.", summary, StringComparison.Ordinal);
        Assert.Contains("Beskrivningen får vara högst 300 tecken", summary, StringComparison.Ordinal);
        Assert.Contains("Texten får vara högst 100\u00a0000 tecken", summary, StringComparison.Ordinal);
        Assert.Equal(description, document.TextAreaValue("Input.Description"));
        Assert.Equal(body, document.TextAreaValue("Input.Body"));
        var bodyField = document.QuerySelector("textarea[name='Input.Body']")!;
        Assert.Equal("true", bodyField.GetAttribute("aria-invalid"));
        var errorId = bodyField.GetAttribute("aria-describedby")!.Split(' ').Single(id => id.EndsWith("-error", StringComparison.Ordinal));
        Assert.Contains("100\u00a0000", document.GetElementById(errorId)!.TextContent, StringComparison.Ordinal);
        Assert.Equal(page.Body, (await factory.PageAsync(RequiredPages.Cookies)).Body);
    }

    [Fact]
    public async Task Restoring_an_earlier_version_makes_it_current_and_keeps_the_history()
    {
        var editor = await factory.SignInAsEditorAsync();
        var original = await factory.PageAsync(RequiredPages.Accessibility);
        var url = $"/redaktion/sidor/{original.Id}";
        await editor.SubmitPageFormAsync(url, new() { ["Input.Body"] = "En förhastad ändring." });

        var (_, history) = await editor.GetHtmlAsync(url);
        var link = history.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{url}/versioner/2", $"{url}/versioner/1"], link);
        var (_, revision) = await editor.GetHtmlAsync($"{url}/versioner/1");
        Assert.Contains(DefaultPages.DiggReportUrl, revision.QuerySelector(".preview-frame")!.InnerHtml, StringComparison.Ordinal);

        var restore = await editor.SubmitFormAsync($"{url}/versioner/1", []);

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var current = await factory.PageAsync(RequiredPages.Accessibility);
        Assert.Equal(original.Body, current.Body);
        Assert.Equal(3, current.Version);
        var notes = await factory.WithDbAsync(db => db.Set<ContentPageRevision>()
            .Where(r => r.PageId == original.Id).OrderBy(r => r.Version).Select(r => r.Note).ToListAsync(Ct));
        Assert.Equal(["Standardtext", null, "Återställd från version 1"], notes);
    }

    [Fact]
    public async Task Restoring_is_refused_when_the_page_was_saved_after_the_version_was_opened()
    {
        var editor = await factory.SignInAsEditorAsync();
        var other = await factory.SignInAsEditorAsync();
        var page = await factory.InsertPageAsync("aterstallning", "Återställning", "Första texten.");
        await factory.WithServicesAsync(async services =>
        {
            // A second version, so there is something to restore.
            var pages = services.GetRequiredService<ContentPageService>();
            return await pages.SaveAsync(page.Id, 1, new PageInput { Title = "Återställning", Description = "Testsida", Body = "Andra texten." },
                new System.Security.Claims.ClaimsPrincipal(), Ct);
        });
        var url = $"/redaktion/sidor/{page.Id}/versioner/1";
        var opened = await editor.GetDocumentAsync(url);
        await other.SubmitPageFormAsync($"/redaktion/sidor/{page.Id}", new() { ["Input.Body"] = "Tredje texten." });

        var restore = await editor.SubmitFormAsync(opened, url, []);

        Assert.Equal(HttpStatusCode.Conflict, restore.StatusCode);
        Assert.Contains("ingenting återställdes", (await restore.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tredje texten.", (await factory.PageAsync("aterstallning")).Body);
    }

    [Fact]
    public async Task Editor_creates_a_page_at_an_address_folded_from_the_title_and_can_delete_it()
    {
        var editor = await factory.SignInAsEditorAsync();
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Årsredovisning för 2026",
            ["Input.Description"] = "Förbundets årsredovisning.",
            ["Input.Body"] = "## Året i korthet\n\n299 deltagare.",
        };

        var created = await editor.SubmitPageFormAsync("/redaktion/sidor/ny", values);
        var again = await editor.SubmitPageFormAsync("/redaktion/sidor/ny", values);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var first = await factory.PageAsync("arsredovisning-for-2026");
        var second = await factory.PageAsync("arsredovisning-for-2026-2");
        Assert.Equal($"/redaktion/sidor/{second.Id}", again.Headers.Location?.OriginalString);
        var (response, document) = await factory.CreateBrowserClient().GetHtmlAsync("/sida/arsredovisning-for-2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Årsredovisning för 2026", document.QuerySelector("h1")!.TextContent);
        var (_, list) = await editor.GetHtmlAsync("/redaktion/sidor");
        Assert.NotNull(list.QuerySelector("a[href='/sida/arsredovisning-for-2026-2']"));

        var deleted = await editor.SubmitFormAsync($"/redaktion/sidor/{first.Id}", [], formSelector: "form[action*='Delete']");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        using var gone = await factory.CreateBrowserClient().GetAsync(new Uri("/sida/arsredovisning-for-2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await factory.RevisionCountAsync(first.Id));
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>()
            .AnyAsync(a => a.Action == ContentPageService.PageDeletedAction && a.SubjectId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));
    }

    [Fact]
    public async Task Preview_of_a_new_page_saves_nothing_and_bad_input_keeps_what_was_typed()
    {
        var editor = await factory.SignInAsEditorAsync();
        var before = await factory.WithDbAsync(db => db.Set<ContentPage>().CountAsync(Ct));

        var preview = await editor.SubmitPageFormAsync("/redaktion/sidor/ny", new()
        {
            ["Input.Title"] = "Frågor och svar",
            ["Input.Description"] = "Vanliga frågor.",
            ["Input.Body"] = "Svar.",
        }, intent: "preview");
        var invalid = await editor.SubmitPageFormAsync("/redaktion/sidor/ny", new()
        {
            ["Input.Title"] = "",
            ["Input.Description"] = "Utan titel.",
            ["Input.Body"] = "Texten finns kvar.",
        });

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("/sida/fragor-och-svar", (await preview.ParseAsync()).QuerySelector(".preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var document = await invalid.ParseAsync();
        Assert.Equal("Texten finns kvar.", document.TextAreaValue("Input.Body"));
        Assert.Equal("Utan titel.", document.TextAreaValue("Input.Description"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<ContentPage>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Required_pages_cannot_be_deleted()
    {
        var editor = await factory.SignInAsEditorAsync();
        var page = await factory.PageAsync(RequiredPages.Privacy);
        var url = $"/redaktion/sidor/{page.Id}";
        var document = await editor.GetDocumentAsync(url);
        Assert.Null(document.QuerySelector("form[action*='Delete']"));

        // Posting the delete handler by hand (with a valid antiforgery token) is refused as well.
        var token = document.QuerySelector("form.page-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var response = await editor.PostAsync(new Uri($"{url}?handler=Delete", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kan inte tas bort", await response.ReadBodyAsync(), StringComparison.Ordinal);
        Assert.Equal(page.Version, (await factory.PageAsync(RequiredPages.Privacy)).Version);
    }

    [Fact]
    public async Task Editorial_start_page_leads_to_pages_and_news()
    {
        var editor = await factory.SignInAsEditorAsync();
        var (response, document) = await editor.GetHtmlAsync("/redaktion");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.NotNull(document.QuerySelector("main .cards a[href='/redaktion/sidor']"));
        Assert.NotNull(document.QuerySelector("main .cards a[href='/redaktion/nyheter']"));
        var (_, list) = await editor.GetHtmlAsync("/redaktion/sidor");
        var rows = list.QuerySelectorAll("tbody tr").Take(5).Select(r => r.QuerySelector("td a")!.GetAttribute("href")).ToList();
        Assert.Equal(["/om", "/kontakt", "/tillganglighet", "/personuppgifter", "/cookies"], rows);
    }

    [Fact]
    public async Task The_database_refuses_a_save_based_on_a_version_someone_else_has_already_replaced()
    {
        // The service compares versions before saving; this guards the moment between its read and its write.
        var page = await factory.InsertPageAsync("kapplopning", "Kapplöpning", "Start.");
        await using var firstScope = factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<Samordna.Web.Platform.Data.AppDbContext>();
        var loaded = await first.Set<ContentPage>().SingleAsync(p => p.Id == page.Id, Ct);
        await factory.WithDbAsync(db => db.Set<ContentPage>().Where(p => p.Id == page.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, 2).SetProperty(p => p.Body, "Någon annans text."), Ct));

        loaded.Body = "Min text.";
        loaded.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(Ct));
        Assert.Equal("Någon annans text.", (await factory.PageAsync("kapplopning")).Body);
    }
}
