using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;
using Samordna.Web.Platform.Audit;

namespace Samordna.Tests.Features.Documents;

/// <summary>Editors upload PDFs (recognised by content, limited in size), replace their files and delete them.</summary>
public sealed class DocumentUploadTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task A_real_pdf_is_accepted_by_its_content_whatever_its_name_and_shows_in_the_public_list()
    {
        var anonymous = factory.CreateBrowserClient();
        Assert.DoesNotContain("Protokoll styrelsemöte 2 december 2019", await (await anonymous.GetPathAsync("/dokument")).BodyAsync(), StringComparison.Ordinal);

        var editor = await factory.SignInAsEditorAsync();
        var pdf = DocumentTestData.Pdf("Protokoll");
        using var response = await editor.SubmitDocumentFormAsync("/redaktion/dokument/ny",
            DocumentTestData.Fields("Protokoll styrelsemöte 2 december 2019", "2019", "styrelseprotokoll"),
            ("skanning.bin", "application/octet-stream", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/redaktion/dokument", response.Headers.Location!.OriginalString);
        var document = await factory.WithDbAsync(db => db.Set<Document>().SingleAsync(d => d.Title == "Protokoll styrelsemöte 2 december 2019", DocumentTestData.Ct));
        Assert.Equal(2019, document.Year);
        Assert.Equal(DocumentCategory.BoardMinutes, document.Category);
        Assert.Equal(pdf.Length, document.Length);
        Assert.Equal("skanning.bin", document.OriginalFileName);
        var store = await factory.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<DocumentStore>()));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(store.PathOf(document.FileId), DocumentTestData.Ct));
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(
            a => a.Action == DocumentAuditActions.Created && a.SubjectId == document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), DocumentTestData.Ct)));

        // The anonymous visitor's cached list was dropped by the upload.
        var list = Forms.Parse(await (await anonymous.GetPathAsync("/dokument")).BodyAsync());
        var link = list.QuerySelectorAll(".document-link").Single(a => a.TextContent.Contains("2 december 2019", StringComparison.Ordinal));
        Assert.Equal(document.Url, link.GetAttribute("href"));
        Assert.Equal(pdf, await (await anonymous.GetPathAsync(document.Url)).Content.ReadAsByteArrayAsync(DocumentTestData.Ct));
    }

    [Fact]
    public async Task A_png_renamed_to_pdf_is_refused_and_the_other_fields_are_kept()
    {
        var editor = await factory.SignInAsEditorAsync();
        using var response = await editor.SubmitDocumentFormAsync("/redaktion/dokument/ny",
            DocumentTestData.Fields("Bild som låtsas vara PDF", "2020", "anslagstavla"),
            ("anslag.pdf", "application/pdf", DocumentTestData.Png));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Forms.Parse(await response.BodyAsync());
        Assert.Contains("Filen är inte en PDF", page.QuerySelector("#upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#upload")!.GetAttribute("aria-invalid"));
        Assert.Contains("upload-error", page.QuerySelector("#upload")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Bild som låtsas vara PDF", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("2020", page.QuerySelector("#Input_Year")!.GetAttribute("value"));
        Assert.Equal("anslagstavla", page.QuerySelector("#category option[selected]")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Set<Document>().AnyAsync(d => d.Title == "Bild som låtsas vara PDF", DocumentTestData.Ct)));
        Assert.DoesNotContain(StoredFiles(), f => File.ReadAllBytes(f).SequenceEqual(DocumentTestData.Png));
    }

    [Fact]
    public async Task A_pdf_over_20_MB_is_refused_with_a_message_and_the_other_fields_are_kept()
    {
        var editor = await factory.SignInAsEditorAsync();
        var big = DocumentTestData.Pdf(minLength: (int)DocumentStore.MaxBytes + 1);
        using var response = await editor.SubmitDocumentFormAsync("/redaktion/dokument/ny",
            DocumentTestData.Fields("För stor årsredovisning", "2018"), ("stor.pdf", "application/pdf", big));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Forms.Parse(await response.BodyAsync());
        Assert.Equal("Filen är för stor (20,0 MB). En PDF får vara högst 20 MB.", page.QuerySelector("#upload-error")!.TextContent);
        Assert.Equal("För stor årsredovisning", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("2018", page.QuerySelector("#Input_Year")!.GetAttribute("value"));
        Assert.Equal("arsredovisningar", page.QuerySelector("#category option[selected]")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Set<Document>().AnyAsync(d => d.Title == "För stor årsredovisning", DocumentTestData.Ct)));
        Assert.DoesNotContain(StoredFiles(), f => new FileInfo(f).Length > DocumentStore.MaxBytes);
    }

    [Fact]
    public async Task Missing_title_bad_year_and_no_file_are_each_explained_and_nothing_is_stored()
    {
        var editor = await factory.SignInAsEditorAsync();
        using var response = await editor.SubmitDocumentFormAsync("/redaktion/dokument/ny", DocumentTestData.Fields("", "tjugonitton", "finns-inte"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Forms.Parse(await response.BodyAsync());
        Assert.Contains("Skriv en titel", page.QuerySelector("#Input_Title-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fyra siffror", page.QuerySelector("#Input_Year-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tjugonitton", page.QuerySelector("#Input_Year")!.GetAttribute("value"));
        Assert.Equal("Välj en kategori.", page.QuerySelector("#category-error")!.TextContent);
        Assert.Equal("Välj en PDF-fil att ladda upp.", page.QuerySelector("#upload-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#form-errors"));
    }

    [Fact]
    public async Task A_good_file_with_a_bad_field_is_not_stored_and_the_editor_is_asked_to_choose_it_again()
    {
        var editor = await factory.SignInAsEditorAsync();
        var before = StoredFiles().Count;
        using var response = await editor.SubmitDocumentFormAsync("/redaktion/dokument/ny", DocumentTestData.Fields("Utan år", ""),
            ("utan-ar.pdf", "application/pdf", DocumentTestData.Pdf()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Forms.Parse(await response.BodyAsync());
        Assert.Contains("Välj filen igen", page.QuerySelector("#upload-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, StoredFiles().Count);
    }

    [Fact]
    public async Task Replacing_the_file_keeps_the_address_changes_the_validators_and_removes_the_old_file()
    {
        var document = await factory.AddDocumentAsync("Verksamhetsplan 2021", 2021, DocumentCategory.Plan);
        var anonymous = factory.CreateBrowserClient();
        using var before = await anonymous.GetPathAsync(document.Url);
        var oldTag = before.Headers.ETag!.Tag;
        var store = await factory.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<DocumentStore>()));
        Assert.True(File.Exists(store.PathOf(document.FileId)));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var editor = await factory.SignInAsEditorAsync();
        var replacement = DocumentTestData.Pdf("Ny version");
        using var response = await editor.SubmitDocumentFormAsync(DocumentUrls.Edit(document.Id), [], ("ny-version.pdf", "application/pdf", replacement));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var changed = await factory.WithDbAsync(db => db.Set<Document>().SingleAsync(d => d.Id == document.Id, DocumentTestData.Ct));
        Assert.NotEqual(document.FileId, changed.FileId);
        Assert.Equal("Verksamhetsplan 2021", changed.Title);
        Assert.Equal(factory.Clock.GetUtcNow(), changed.FileUploadedAt);
        Assert.False(File.Exists(store.PathOf(document.FileId)));
        using var after = await anonymous.GetPathAsync(document.Url);
        Assert.Equal(replacement, await after.Content.ReadAsByteArrayAsync(DocumentTestData.Ct));
        Assert.NotEqual(oldTag, after.Headers.ETag!.Tag);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(
            a => a.Action == DocumentAuditActions.FileReplaced && a.SubjectId == document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), DocumentTestData.Ct)));
    }

    [Fact]
    public async Task Changing_the_title_moves_the_file_address_and_the_old_name_redirects()
    {
        var document = await factory.AddDocumentAsync("Protokoll 2 juni", 2021, DocumentCategory.BoardMinutes);
        var editor = await factory.SignInAsEditorAsync();
        using var response = await editor.SubmitDocumentFormAsync(DocumentUrls.Edit(document.Id), new() { ["Input.Title"] = "Protokoll styrelsemöte 2 juni 2021" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var old = await factory.CreateBrowserClient().GetPathAsync(document.Url);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(DocumentUrls.File(document.Id, "Protokoll styrelsemöte 2 juni 2021"), old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_edit_from_an_old_version_is_refused_with_the_form_kept()
    {
        var document = await factory.AddDocumentAsync("Anslag om justering", 2022, DocumentCategory.NoticeBoard);
        var editor = await factory.SignInAsEditorAsync();
        var stale = await editor.GetDocumentAsync(DocumentUrls.Edit(document.Id));
        using (var first = await editor.SubmitDocumentFormAsync(DocumentUrls.Edit(document.Id), new() { ["Input.Title"] = "Anslag, första ändringen" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var staleVersion = stale.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        using var second = await editor.SubmitDocumentFormAsync(DocumentUrls.Edit(document.Id),
            new() { ["Input.Title"] = "Anslag, andra ändringen", ["Input.Version"] = staleVersion });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = Forms.Parse(await second.BodyAsync());
        Assert.Contains("ändrats av någon annan", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Anslag, andra ändringen", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Anslag, första ändringen", await factory.WithDbAsync(db => db.Set<Document>().Where(d => d.Id == document.Id).Select(d => d.Title).SingleAsync(DocumentTestData.Ct)));
    }

    [Fact]
    public async Task Deleting_a_document_removes_it_from_the_list_and_its_file_and_is_audited()
    {
        var document = await factory.AddDocumentAsync("Gammalt anslag som ska bort", 2020, DocumentCategory.NoticeBoard);
        var store = await factory.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<DocumentStore>()));
        var editor = await factory.SignInAsEditorAsync();

        using var response = await editor.SubmitFormAsync(DocumentUrls.Edit(document.Id), [], "main form.document-delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Set<Document>().AnyAsync(d => d.Id == document.Id, DocumentTestData.Ct)));
        Assert.False(File.Exists(store.PathOf(document.FileId)));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetPathAsync(document.Url)).StatusCode);
        Assert.DoesNotContain("Gammalt anslag som ska bort", await (await factory.CreateBrowserClient().GetPathAsync("/dokument")).BodyAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(
            a => a.Action == DocumentAuditActions.Deleted && a.Details!.Contains("Gammalt anslag som ska bort"), DocumentTestData.Ct)));
        var log = await (await factory.SignInAsAdministratorAsync()).GetDocumentAsync("/admin/logg");
        Assert.Contains("Dokument borttaget", log.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private List<string> StoredFiles()
    {
        var folder = Path.Combine(factory.DataDirectory, DocumentStore.Folder);
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder)] : [];
    }
}
