using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Pages;

/// <summary>
/// A page body as HTML, through <see cref="MarkdownRenderer"/> (raw HTML off, unsafe links neutralised). The page
/// title is the page's only h1, so when an editor starts a heading with a single # every heading moves down a level
/// and the outline stays in order. Tables get the site's scrolling wrapper so a wide one does not widen a phone screen.
/// </summary>
public sealed partial class PageBodyRenderer(MarkdownRenderer markdown)
{
    public IHtmlContent Render(string? body)
    {
        var html = markdown.ToHtml(body);
        // Raw HTML is disabled, so any "<h1" in the output is a tag the renderer wrote, never the editor's text.
        if (FirstLevelHeading().IsMatch(html))
        {
            html = HeadingTag().Replace(html, m =>
            {
                var level = Math.Min(6, m.Groups["level"].Value[0] - '0' + 1);
                return $"<{m.Groups["close"].Value}h{level.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            });
        }
        html = html.Replace("<table>", "<div class=\"table-wrap\"><table>", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);
        return new HtmlString(html);
    }

    [GeneratedRegex("<h1[ >]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstLevelHeading();

    [GeneratedRegex("<(?<close>/?)h(?<level>[1-6])(?=[ >])", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingTag();
}
