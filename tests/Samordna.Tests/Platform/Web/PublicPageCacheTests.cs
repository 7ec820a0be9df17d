using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Pages;

namespace Samordna.Tests.Platform.Web;

public sealed class PublicPageCacheTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task Anonymous_public_pages_are_served_from_the_cache_until_an_editor_changes_something()
    {
        var ct = TestContext.Current.CancellationToken;
        var visitor = factory.CreateBrowserClient();
        var first = await (await visitor.GetAsync(new Uri("/om", UriKind.Relative), ct)).Content.ReadAsStringAsync(ct);
        var second = await visitor.GetAsync(new Uri("/om", UriKind.Relative), ct);
        Assert.True(second.Headers.Age is not null, "the second visit should come from the output cache (Age header)");
        Assert.Equal(first, await second.Content.ReadAsStringAsync(ct));

        // An editor changes the page: the next anonymous visit shows the new text.
        var editor = await factory.SignInAsEditorAsync();
        var about = await factory.WithDbAsync(db => db.Set<ContentPage>().SingleAsync(p => p.Slug == "om", ct));
        var edit = $"/redaktion/sidor/{about.Id}";
        var form = await editor.GetDocumentAsync(edit);
        var saved = await editor.SubmitFormAsync(form, edit, new() { ["Input.Title"] = "Om förbundet – uppdaterad" }, submitName: "intent", submitValue: "save");
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"save gave {(int)saved.StatusCode}");

        var after = await visitor.GetAsync(new Uri("/om", UriKind.Relative), ct);
        Assert.Contains("Om förbundet – uppdaterad", await after.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_visitors_are_never_served_a_cached_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.CreateBrowserClient().GetAsync(new Uri("/", UriKind.Relative), ct);
        await factory.CreateBrowserClient().GetAsync(new Uri("/", UriKind.Relative), ct);
        var staff = await factory.SignInAsStaffAsync();
        var page = await staff.GetAsync(new Uri("/", UriKind.Relative), ct);
        Assert.Null(page.Headers.Age);
        Assert.Contains("Mitt konto", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}

public sealed class PublicPageCachePolicyTests
{
    [Fact]
    public async Task A_response_marked_no_store_by_the_antiforgery_system_is_never_stored()
    {
        var policy = new Samordna.Web.Platform.Web.PublicPageCache.SchedulePolicy();
        var withForm = new Microsoft.AspNetCore.OutputCaching.OutputCacheContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext(), AllowCacheStorage = true };
        withForm.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
        await policy.ServeResponseAsync(withForm, TestContext.Current.CancellationToken);
        Assert.False(withForm.AllowCacheStorage);

        var plain = new Microsoft.AspNetCore.OutputCaching.OutputCacheContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext(), AllowCacheStorage = true };
        await policy.ServeResponseAsync(plain, TestContext.Current.CancellationToken);
        Assert.True(plain.AllowCacheStorage);
    }
}
