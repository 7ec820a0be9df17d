using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// Markdown to HTML for everything editors and users write. Raw HTML is disabled (rendered as text), and links or
/// images whose scheme is not http(s), mailto or tel, or a site-relative path, lose their target, so
/// <c>javascript:</c> and <c>data:</c> URLs render inert. No HTML sanitiser package exists in the registry here.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
            if (!link.IsImage && IsExternal(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }
        return document.ToHtml(pipeline);
    }

    /// <summary>Plain text of the Markdown (for search snippets, feeds and e-mail text parts).</summary>
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, pipeline).Trim();

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)))
        {
            return true;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto || uri.Scheme == "tel");
    }

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
