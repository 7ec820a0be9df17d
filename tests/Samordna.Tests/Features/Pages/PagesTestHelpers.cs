using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Pages;

namespace Samordna.Tests.Features.Pages;

internal static class PagesTestHelpers
{
    public static Task<ContentPage> PageAsync(this SamordnaFactory factory, string slug) =>
        factory.WithDbAsync(db => db.Set<ContentPage>().AsNoTracking().SingleAsync(p => p.Slug == slug));

    public static Task<int> RevisionCountAsync(this SamordnaFactory factory, int pageId) =>
        factory.WithDbAsync(db => db.Set<ContentPageRevision>().CountAsync(r => r.PageId == pageId));

    /// <summary>A page written straight into the database, as if an editor had saved it.</summary>
    public static Task<ContentPage> InsertPageAsync(this SamordnaFactory factory, string slug, string title, string body) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var page = new ContentPage
            {
                Slug = slug,
                Title = title,
                Description = "Testsida",
                Body = body,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedByName = "Test",
                Version = 1,
            };
            page.Revisions.Add(new ContentPageRevision
            {
                Version = 1,
                Title = title,
                Description = page.Description,
                Body = body,
                SavedAt = now,
                SavedByName = "Test",
            });
            db.Add(page);
            await db.SaveChangesAsync();
            return page;
        });

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var document = Forms.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response, document);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        Forms.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public const string PageForm = "form.page-form";

    /// <summary>Presses Spara (or Förhandsgranska) on a page form, as loaded in <paramref name="document"/> or freshly.</summary>
    public static Task<HttpResponseMessage> SubmitPageFormAsync(this HttpClient client, string url, Dictionary<string, string> values, string intent = "save", IHtmlDocument? document = null) =>
        document is null
            ? client.SubmitFormAsync(url, values, PageForm, "intent", intent)
            : client.SubmitFormAsync(document, url, values, PageForm, "intent", intent);

    public static string TextAreaValue(this IHtmlDocument document, string name) =>
        ((IHtmlTextAreaElement)document.QuerySelector($"textarea[name='{name}']")!).Value;

    public static string InputValue(this IHtmlDocument document, string name) =>
        ((IHtmlInputElement)document.QuerySelector($"input[name='{name}']")!).Value;
}
