using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.News;
using Samordna.Web.Features.Pages;

namespace Samordna.Tests.Features.Search;

/// <summary>One hit as the results page shows it.</summary>
internal sealed record Hit(string Title, string Type, string Url, string? Date, string SnippetHtml, string TitleHtml);

/// <summary>Content made through the areas' own services (so through their search hooks), and the results page read back.</summary>
internal static class SearchTestData
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Editor = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Testredaktör")], "test"));

    /// <summary>Saves an article through the news editor: published now by default, or a draft, or scheduled.</summary>
    public static Task<NewsArticle> SaveNewsAsync(this SamordnaFactory factory, string title, string body, NewsEditAction action = NewsEditAction.Publish,
        DateTimeOffset? scheduleAt = null, int? id = null, int version = 0, string ingress = "En ingress.") =>
        factory.WithServicesAsync(async services =>
        {
            var result = await services.GetRequiredService<NewsEditor>().SaveAsync(id, version,
                new NewsDraft(title, ingress, body, [], null, null, null), action, scheduleAt, "Testredaktör", Ct);
            return result.Article ?? throw new InvalidOperationException(result.Error);
        });

    public static async Task DeleteNewsAsync(this SamordnaFactory factory, NewsArticle article) =>
        Assert.True(await factory.WithServicesAsync(services => services.GetRequiredService<NewsEditor>().DeleteAsync(article.Id, article.Version, Ct)));

    public static Task<ContentPage> CreatePageAsync(this SamordnaFactory factory, string title, string body) =>
        factory.WithServicesAsync(services => services.GetRequiredService<ContentPageService>().CreateAsync(
            new PageInput { Title = title, Description = "En beskrivning.", Body = body }, Editor, Ct));

    public static Task<SaveOutcome> SavePageAsync(this SamordnaFactory factory, ContentPage page, string title, string body) =>
        factory.WithServicesAsync(services => services.GetRequiredService<ContentPageService>().SaveAsync(page.Id, page.Version,
            new PageInput { Title = title, Description = page.Description, Body = body }, Editor, Ct));

    public static Task<DeleteOutcome> DeletePageAsync(this SamordnaFactory factory, ContentPage page) =>
        factory.WithServicesAsync(services => services.GetRequiredService<ContentPageService>().DeleteAsync(page.Id, Editor, Ct));

    /// <summary>GET /sok?q=…: the parsed page, after checking the status.</summary>
    public static async Task<IHtmlDocument> SearchPageAsync(this SamordnaFactory factory, string query, int? page = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var url = "/sok?q=" + Uri.EscapeDataString(query) + (page is { } p ? "&sida=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        using var response = await factory.CreateBrowserClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"GET {url} gave {(int)response.StatusCode}, expected {(int)expected}.");
        return Forms.Parse(html);
    }

    public static async Task<List<Hit>> SearchAsync(this SamordnaFactory factory, string query) => Hits(await factory.SearchPageAsync(query));

    public static List<Hit> Hits(IHtmlDocument page) =>
        page.QuerySelectorAll(".search-hit").Select(li => new Hit(
            li.QuerySelector("h2 a")!.TextContent,
            li.QuerySelector(".badge")!.TextContent,
            li.QuerySelector("h2 a")!.GetAttribute("href")!,
            li.QuerySelector("time")?.TextContent,
            li.QuerySelector(".search-snippet")?.InnerHtml ?? "",
            li.QuerySelector("h2 a")!.InnerHtml)).ToList();
}
