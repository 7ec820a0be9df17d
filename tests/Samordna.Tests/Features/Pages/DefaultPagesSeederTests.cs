using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Pages;

namespace Samordna.Tests.Features.Pages;

public sealed class DefaultPagesSeederTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restart_neither_overwrites_edited_pages_nor_duplicates_them_but_recreates_a_missing_one()
    {
        var editor = await factory.SignInAsEditorAsync();
        var about = await factory.PageAsync(RequiredPages.About);
        var edited = await editor.SubmitPageFormAsync($"/redaktion/sidor/{about.Id}", new()
        {
            ["Input.Title"] = "Om oss",
            ["Input.Body"] = "Redaktörens egen text.",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, edited.StatusCode);
        await factory.WithDbAsync(db => db.Set<ContentPage>().Where(p => p.Slug == RequiredPages.Cookies).ExecuteDeleteAsync(Ct));

        // A second application on the same database: it migrates and runs the default content seeders at start.
        await using (var restarted = new SamordnaFactory(factory))
        {
            await restarted.InitializeAsync();
            var (response, document) = await restarted.CreateBrowserClient().GetHtmlAsync("/om");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Om oss", document.QuerySelector("h1")!.TextContent);
        }

        var after = await factory.PageAsync(RequiredPages.About);
        Assert.Equal("Om oss", after.Title);
        Assert.Equal("Redaktörens egen text.", after.Body);
        Assert.Equal(2, after.Version);
        var slugs = await factory.WithDbAsync(db => db.Set<ContentPage>().Select(p => p.Slug).ToListAsync(Ct));
        Assert.Equal(RequiredPages.Slugs.Order(), slugs.Where(RequiredPages.IsRequired).Order());
        var cookies = await factory.PageAsync(RequiredPages.Cookies);
        Assert.Contains("samordna.lang", cookies.Body, StringComparison.Ordinal);
        Assert.Equal(1, await factory.RevisionCountAsync(cookies.Id));
    }
}
