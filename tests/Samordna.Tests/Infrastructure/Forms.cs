using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Samordna.Tests.Infrastructure;

/// <summary>Drives HTML forms as a browser would: fetch the page, keep every field it renders (the antiforgery token included), fill in, post.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        }
        return await Parser.ParseDocumentAsync(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Loads <paramref name="pageUrl"/>, picks the form (by CSS selector, or the first form inside main), and submits it with the given values.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> values, string? formSelector = null, string? submitName = null, string? submitValue = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitFormAsync(document, pageUrl, values, formSelector, submitName, submitValue);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument document, string pageUrl, Dictionary<string, string> values, string? formSelector = null, string? submitName = null, string? submitValue = null)
    {
        var form = (formSelector is null ? document.QuerySelector("main form[method=post]") : document.QuerySelector(formSelector)) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector ?? "main form[method=post]"}' on {pageUrl}.");
        var fields = FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        if (submitName is not null)
        {
            fields.Add(new(submitName, submitValue ?? ""));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>The fields a browser would send, minus unchecked boxes; the antiforgery token comes along.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "file")
                    {
                        break;
                    }
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(select.Name!, option.Value));
                    }
                    break;
            }
        }
        return fields;
    }

    public static async Task<string> ReadBodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
