using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.News;

namespace Samordna.Tests.Features.News;

/// <summary>Shortcuts for the news tests: articles straight into the database, and multipart form posts.</summary>
internal static class NewsTestData
{
    /// <summary>An article published at <paramref name="publishedAt"/> (null: a draft), written directly to the database.</summary>
    public static Task<NewsArticle> AddArticleAsync(this SamordnaFactory factory, string title, DateTimeOffset? publishedAt,
        string? slug = null, string ingress = "En ingress.", string body = "Brödtext.", Guid? imageId = null, string? imageAlt = null)
        => factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var article = new NewsArticle
            {
                Title = title,
                Slug = slug ?? Web.Platform.Web.Slugs.From(title) + "-" + Guid.NewGuid().ToString("N")[..6],
                Ingress = ingress,
                Body = body,
                CreatedAt = now,
                UpdatedAt = publishedAt ?? now,
                UpdatedBy = "test",
                ImageId = imageId,
                ImageAlt = imageAlt,
            };
            article.SetPublishedAt(publishedAt, now);
            db.Add(article);
            await db.SaveChangesAsync();
            return article;
        });

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public static async Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>Like <see cref="Forms.SubmitFormAsync(HttpClient, string, Dictionary{string, string}, string?, string?, string?)"/>, as multipart/form-data with an optional file.</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(this HttpClient client, string pageUrl, Dictionary<string, string> values,
        string command, (string Field, string FileName, string ContentType, byte[] Bytes)? file = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement)(document.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException("No form on " + pageUrl));
        var fields = Forms.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        fields.Add(new("command", command));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            content.Add(bytes, f.Field, f.FileName);
        }
        var action = form.GetAttribute("action");
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? pageUrl : action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
