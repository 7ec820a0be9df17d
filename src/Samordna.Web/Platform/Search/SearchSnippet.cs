using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Samordna.Web.Platform.Search;

/// <summary>
/// Highlighted snippets, made safely. The database (ts_headline, FTS5's snippet) marks hits with two private-use
/// characters that the index strips from all stored text; here every other character is HTML-encoded and only the
/// marks become &lt;mark&gt; elements. No HTML from the database is ever trusted.
/// </summary>
public static class SearchSnippet
{
    public const char StartMark = '\uE000';
    public const char EndMark = '\uE001';

    /// <summary>Encodes &lt;, &gt;, &amp;, quotes and the like; leaves å, ä, ö readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent ToHtml(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return HtmlString.Empty;
        }
        var html = new StringBuilder(raw.Length + 32);
        var plain = new StringBuilder();
        var open = false;
        foreach (var c in raw)
        {
            if (c == StartMark && !open)
            {
                Flush(html, plain);
                html.Append("<mark>");
                open = true;
            }
            else if (c == EndMark && open)
            {
                Flush(html, plain);
                html.Append("</mark>");
                open = false;
            }
            else if (c is not StartMark and not EndMark)
            {
                plain.Append(c);
            }
        }
        Flush(html, plain);
        if (open)
        {
            html.Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }

    private static void Flush(StringBuilder html, StringBuilder plain)
    {
        if (plain.Length > 0)
        {
            html.Append(Encoder.Encode(plain.ToString()));
            plain.Clear();
        }
    }
}
