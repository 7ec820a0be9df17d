using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;

namespace Samordna.Tests.Features.Documents;

/// <summary>Shortcuts for the document tests: PDFs, multipart posts of the editor's form, documents straight into the store.</summary>
internal static class DocumentTestData
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid one-page PDF, optionally padded (with a PDF comment before %%EOF) to at least <paramref name="minLength"/> bytes.</summary>
    public static byte[] Pdf(string title = "Testdokument", int minLength = 0)
    {
        var pdf = SimplePdf.Create(title, ["En rad text."]);
        if (pdf.Length >= minLength)
        {
            return pdf;
        }
        var padded = new byte[minLength];
        pdf.CopyTo(padded, 0);
        Array.Fill(padded, (byte)' ', pdf.Length, minLength - pdf.Length);
        return padded;
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static Dictionary<string, string> Fields(string title, string year = "2019", string category = "arsredovisningar") => new()
    {
        ["Input.Title"] = title,
        ["Input.Year"] = year,
        ["Input.Category"] = category,
    };

    /// <summary>Fetches the form at <paramref name="pageUrl"/>, fills it in and posts it as multipart/form-data with an optional file.</summary>
    public static async Task<HttpResponseMessage> SubmitDocumentFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> values,
        (string FileName, string ContentType, byte[] Bytes)? file = null, string formSelector = "main form.document-form")
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement)(document.QuerySelector(formSelector) ?? throw new InvalidOperationException("No form on " + pageUrl));
        var fields = Forms.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            content.Add(bytes, "Upload", f.FileName);
        }
        var action = form.GetAttribute("action");
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? pageUrl : action, UriKind.Relative), content, Ct);
    }

    /// <summary>A document created through the editor service (as an upload would), at the clock's current time.</summary>
    public static Task<Document> AddDocumentAsync(this SamordnaFactory factory, string title, int year, DocumentCategory category, byte[]? pdf = null) =>
        factory.WithServicesAsync(async services =>
        {
            var store = services.GetRequiredService<DocumentStore>();
            using var stream = new MemoryStream(pdf ?? Pdf(title));
            var file = await store.SaveAsync(stream, "test.pdf", Ct);
            return await services.GetRequiredService<DocumentEditor>().CreateAsync(new DocumentDraft(title, year, category), file, "Testredaktör", Ct);
        });

    public static async Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative), Ct);

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Ct);
}
