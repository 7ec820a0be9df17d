using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Pages;

namespace Samordna.Tests.Features.Pages;

public sealed class EditorAccessTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string[]> EditorUrlsAsync()
    {
        var page = await factory.PageAsync(RequiredPages.About);
        return ["/redaktion", "/redaktion/sidor", "/redaktion/sidor/ny", $"/redaktion/sidor/{page.Id}", $"/redaktion/sidor/{page.Id}/versioner/1"];
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var anonymous = factory.CreateBrowserClient();
        foreach (var url in await EditorUrlsAsync())
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_cannot_reach_the_editor_pages_nor_save_through_them()
    {
        var staff = await factory.SignInAsStaffAsync();
        var urls = await EditorUrlsAsync();
        foreach (var url in urls)
        {
            using var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/konto/nekad", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // A well-formed post with a valid antiforgery token (from a page staff may see) changes nothing either.
        var page = await factory.PageAsync(RequiredPages.About);
        var token = (await staff.GetDocumentAsync("/konto/enheter")).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = page.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Kapad",
            ["Input.Description"] = "Kapad",
            ["Input.Body"] = "Kapad",
            ["intent"] = "save",
        });
        using var post = await staff.PostAsync(new Uri($"/redaktion/sidor/{page.Id}", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/konto/nekad", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(page.Title, (await factory.PageAsync(RequiredPages.About)).Title);
    }

    [Fact]
    public async Task Administrators_may_edit_pages_too()
    {
        var admin = await factory.SignInAsAdministratorAsync();
        var page = await factory.PageAsync(RequiredPages.About);
        using var response = await admin.GetAsync(new Uri($"/redaktion/sidor/{page.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

internal static class UriExtensions
{
    public static string PathAndQueryOrOriginal(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
