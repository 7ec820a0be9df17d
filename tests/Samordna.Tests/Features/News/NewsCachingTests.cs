using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.News;

namespace Samordna.Tests.Features.News;

/// <summary>The feed's output cache is dropped by editorial changes; articles answer conditional requests.</summary>
public sealed class NewsCachingTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task The_cached_feed_is_evicted_when_an_editor_publishes()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 11, 20));
        await factory.AddArticleAsync("Första i flödet", NewsTestData.Utc(2026, 11, 1), "forsta-i-flodet");
        var draft = await factory.AddArticleAsync("Publiceras av redaktören", null, "publiceras-av-redaktoren");
        var client = factory.CreateBrowserClient();
        Assert.Contains("Första i flödet", await (await client.GetPathAsync("/nyheter/feed")).BodyAsync(), StringComparison.Ordinal);

        // A change behind the application's back is not seen: the feed is served from the cache.
        await factory.WithDbAsync(db => db.Set<NewsArticle>().Where(a => a.Slug == "forsta-i-flodet")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Ändrad direkt i databasen"), TestContext.Current.CancellationToken));
        Assert.Contains("Första i flödet", await (await client.GetPathAsync("/nyheter/feed")).BodyAsync(), StringComparison.Ordinal);

        var editor = await factory.SignInAsEditorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitMultipartAsync($"/redaktion/nyheter/{draft.Id}", [], "publish")).StatusCode);

        var feed = await (await client.GetPathAsync("/nyheter/feed")).BodyAsync();
        Assert.Contains("Publiceras av redaktören", feed, StringComparison.Ordinal);
        Assert.Contains("Ändrad direkt i databasen", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_answers_304_to_a_current_ETag_and_200_after_a_change()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 11, 20));
        var article = await factory.AddArticleAsync("Villkorlig hämtning", NewsTestData.Utc(2026, 11, 2), "villkorlig-hamtning");
        const string Url = "/nyheter/2026/11/villkorlig-hamtning";
        var client = factory.CreateBrowserClient();

        using var first = await client.GetPathAsync(Url);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal(NewsTestData.Utc(2026, 11, 2), first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, Url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // Signed in, the layout differs: the anonymous copy is not current for that visitor.
        var editor = await factory.SignInAsEditorAsync();
        using var asEditor = new HttpRequestMessage(HttpMethod.Get, Url);
        asEditor.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(asEditor, TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitMultipartAsync($"/redaktion/nyheter/{article.Id}",
            new() { ["Input.Body"] = "Ny brödtext." }, "save")).StatusCode);
        using var changed = new HttpRequestMessage(HttpMethod.Get, Url);
        changed.Headers.IfNoneMatch.Add(etag);
        using var response = await client.SendAsync(changed, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Contains("Ny brödtext.", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_answers_304_to_If_Modified_Since_at_or_after_its_last_change()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 11, 20));
        await factory.AddArticleAsync("Ändrad när", NewsTestData.Utc(2026, 11, 3), "andrad-nar");
        var client = factory.CreateBrowserClient();
        using var current = new HttpRequestMessage(HttpMethod.Get, "/nyheter/2026/11/andrad-nar");
        current.Headers.IfModifiedSince = NewsTestData.Utc(2026, 11, 3);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(current, TestContext.Current.CancellationToken)).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/nyheter/2026/11/andrad-nar");
        stale.Headers.IfModifiedSince = NewsTestData.Utc(2026, 11, 2);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, TestContext.Current.CancellationToken)).StatusCode);
    }
}
