using System.Net;
using System.Text;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;

namespace Samordna.Tests.Features.Documents;

/// <summary>The PDFs are served with their type, a Swedish download name, nosniff and validators.</summary>
public sealed class DocumentDownloadTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task A_pdf_is_served_as_application_pdf_with_its_title_as_file_name_nosniff_and_validators()
    {
        var pdf = DocumentTestData.Pdf("Årsredovisning");
        var document = await factory.AddDocumentAsync("Årsredovisning 2019", 2019, DocumentCategory.AnnualReport, pdf);
        Assert.Matches(@"^/dokument/\d+/arsredovisning-2019\.pdf$", document.Url);

        using var response = await factory.CreateBrowserClient().GetPathAsync(document.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf.Length, response.Content.Headers.ContentLength);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(DocumentTestData.Ct));
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Årsredovisning 2019.pdf", disposition.FileNameStar);
        Assert.Equal("Arsredovisning 2019.pdf", disposition.FileName!.Trim('"'));
        Assert.Contains("filename*=UTF-8''%C3%85rsredovisning%202019.pdf", string.Join("", response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        Assert.Equal("\"" + document.FileId.ToString("N") + "\"", response.Headers.ETag!.Tag);
        Assert.Equal(document.FileUploadedAt.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());

        using var head = await factory.CreateBrowserClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(document.Url, UriKind.Relative)), DocumentTestData.Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/pdf", head.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(DocumentTestData.Ct));
    }

    [Fact]
    public async Task A_browser_holding_the_current_file_gets_304()
    {
        var document = await factory.AddDocumentAsync("Protokoll 3 maj", 2021, DocumentCategory.BoardMinutes);
        var client = factory.CreateBrowserClient();

        using var byTag = new HttpRequestMessage(HttpMethod.Get, new Uri(document.Url, UriKind.Relative));
        byTag.Headers.TryAddWithoutValidation("If-None-Match", "\"" + document.FileId.ToString("N") + "\"");
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag, DocumentTestData.Ct)).StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, new Uri(document.Url, UriKind.Relative));
        byDate.Headers.IfModifiedSince = document.FileUploadedAt.AddMinutes(1);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate, DocumentTestData.Ct)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(document.Url, UriKind.Relative));
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"" + Guid.NewGuid().ToString("N") + "\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, DocumentTestData.Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_name_redirects_to_the_current_one_and_an_unknown_number_is_404()
    {
        var document = await factory.AddDocumentAsync("Anslag 12 maj", 2021, DocumentCategory.NoticeBoard);
        var client = factory.CreateBrowserClient();
        var id = document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var renamed = await client.GetPathAsync($"/dokument/{id}/gammalt-namn.pdf");
        Assert.Equal(HttpStatusCode.MovedPermanently, renamed.StatusCode);
        Assert.Equal(document.Url, renamed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPathAsync("/dokument/999999/anslag-12-maj.pdf")).StatusCode);
    }

    [Theory]
    [InlineData("Årsredovisning 2019.pdf", "inline; filename=\"Arsredovisning 2019.pdf\"; filename*=UTF-8''%C3%85rsredovisning%202019.pdf")]
    [InlineData("Möte \"extra\".pdf", "inline; filename=\"Mote _extra_.pdf\"; filename*=UTF-8''M%C3%B6te%20%22extra%22.pdf")]
    public void The_download_name_has_an_ascii_fallback_and_the_utf8_name(string name, string expected) =>
        Assert.Equal(expected, DocumentEndpoints.ContentDisposition("inline", name));

    [Theory]
    [InlineData("Protokoll 18/3: beslut?", "Protokoll 18 3 beslut.pdf")]
    [InlineData("Årsredovisning 2019.PDF", "Årsredovisning 2019.PDF")]
    [InlineData("...", "dokument.pdf")]
    public void Titles_become_file_names_without_forbidden_characters(string title, string expected) =>
        Assert.Equal(expected, DocumentUrls.DownloadFileName(title));

    [Fact]
    public void The_generated_pdf_is_well_formed()
    {
        var pdf = SimplePdf.Create("Årsredovisning 2019 (utkast)", ["Styrelsen fastställde årsredovisningen den 18 mars 2020."]);
        var text = Encoding.Latin1.GetString(pdf);

        Assert.StartsWith("%PDF-1.4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("(Årsredovisning 2019 \\(utkast\\)) Tj", text, StringComparison.Ordinal);
        // Every cross-reference entry points at the start of its object.
        var startxref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 8\n", text[startxref..], StringComparison.Ordinal);
        var entries = text[startxref..].Split('\n').Skip(3).Take(7).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var offset = int.Parse(entries[i][..10], System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith($"{i + 1} 0 obj\n", text[offset..], StringComparison.Ordinal);
        }
        var length = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"/Length (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var streamStart = text.IndexOf("stream\n", StringComparison.Ordinal) + 7;
        Assert.StartsWith("\nendstream", text[(streamStart + length)..], StringComparison.Ordinal);
    }
}
