using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;

namespace Samordna.Tests.Features.Documents;

/// <summary>Only editors (and administrators) reach the document editor; the files themselves are public.</summary>
public sealed class DocumentAccessTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private async Task<(Document Document, string[] Urls)> EditorUrlsAsync()
    {
        var document = await factory.AddDocumentAsync("Protokoll för behörighetsprov", 2020, DocumentCategory.BoardMinutes);
        return (document, [DocumentUrls.Admin, DocumentUrls.New, DocumentUrls.Edit(document.Id)]);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_but_may_open_the_files()
    {
        var (document, urls) = await EditorUrlsAsync();
        var anonymous = factory.CreateBrowserClient();
        foreach (var url in urls)
        {
            using var response = await anonymous.GetPathAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/konto/logga-in", PathOf(response.Headers.Location!), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPathAsync(document.Url)).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_reach_the_editor_pages_nor_delete_through_them()
    {
        var (document, urls) = await EditorUrlsAsync();
        var staff = await factory.SignInAsStaffAsync();
        foreach (var url in urls)
        {
            using var response = await staff.GetPathAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/konto/nekad", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // A well-formed post with a valid antiforgery token (from a page staff may see) deletes nothing either.
        var token = (await staff.GetDocumentAsync("/konto/enheter")).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = document.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var post = await staff.PostAsync(new Uri(DocumentUrls.Edit(document.Id) + "?handler=Delete", UriKind.Relative), content, DocumentTestData.Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/konto/nekad", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Set<Document>().AnyAsync(d => d.Id == document.Id, DocumentTestData.Ct)));
    }

    [Fact]
    public async Task Administrators_may_manage_documents_too()
    {
        var (_, urls) = await EditorUrlsAsync();
        var admin = await factory.SignInAsAdministratorAsync();
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetPathAsync(url)).StatusCode);
        }
    }

    private static string PathOf(Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
