using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Samordna.Web.Platform.Email;

/// <summary>The HTML and plain-text parts of one e-mail.</summary>
public sealed record EmailContent(string Html, string Text);

/// <summary>
/// The shared look of the system's e-mails (password reset, invitations, confirmations): a Swedish, simple,
/// accessible and responsive HTML layout with inline CSS (what e-mail clients support), and a matching plain-text
/// part. Every value passed in is text and is HTML-encoded; line breaks inside a paragraph are kept.
/// </summary>
public static class EmailTemplate
{
    // Å, ä and ö as themselves rather than numeric entities; <, >, &, quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private const string Ink = "#1b1f24";
    private const string Muted = "#4a5560";
    private const string Brand = "#0b5a7a";
    private const string BrandDark = "#083f56";
    private const string Wash = "#f3f5f7";
    private const string Line = "#c9d0d6";

    /// <param name="associationName">The förbund's name, shown at the top and in the footer (SiteInfo.Name).</param>
    /// <param name="heading">The one heading, e.g. "Återställ ditt lösenord".</param>
    /// <param name="paragraphs">Body text, one string per paragraph.</param>
    /// <param name="buttonText">Text of the call-to-action button, e.g. "Välj nytt lösenord".</param>
    /// <param name="buttonUrl">Absolute http(s) address the button leads to; also written out for copying.</param>
    /// <param name="footerNote">A small note under the body, e.g. "Länken gäller i två timmar.".</param>
    public static EmailContent Render(string associationName, string heading, IEnumerable<string> paragraphs,
        string? buttonText = null, string? buttonUrl = null, string? footerNote = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(associationName);
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var body = paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalise).ToList();
        if (string.IsNullOrWhiteSpace(buttonText) != string.IsNullOrWhiteSpace(buttonUrl))
        {
            throw new ArgumentException("A button needs both a text and an address.", nameof(buttonUrl));
        }
        if (buttonUrl is not null && !IsWebAddress(buttonUrl))
        {
            throw new ArgumentException($"The button's address must be an absolute http or https address, not '{buttonUrl}'.", nameof(buttonUrl));
        }
        associationName = Normalise(associationName);
        heading = Normalise(heading);
        var note = string.IsNullOrWhiteSpace(footerNote) ? null : Normalise(footerNote);
        (string Text, string Url)? button = string.IsNullOrWhiteSpace(buttonText) ? null : (Normalise(buttonText), buttonUrl!.Trim());
        return new EmailContent(Html(associationName, heading, body, button, note), Text(associationName, heading, body, button, note));
    }

    private static string Html(string association, string heading, List<string> paragraphs, (string Text, string Url)? button, string? note)
    {
        var html = new StringBuilder();
        var preheader = paragraphs.Count > 0 ? Shorten(paragraphs[0].ReplaceLineEndings(" "), 140) : heading;
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <meta name="supported-color-schemes" content="light">
            <title>{E(heading)}</title>
            </head>
            <body style="margin:0;padding:0;background-color:{Wash};color:{Ink};{Font}">
            <div style="display:none;max-height:0;overflow:hidden;opacity:0;">{E(preheader)}</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:{Wash};">
            <tr>
            <td align="center" style="padding:24px 12px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid {Line};border-radius:6px;">
            <tr>
            <td style="background-color:{BrandDark};color:#ffffff;padding:16px 24px;border-radius:6px 6px 0 0;{Font}font-size:16px;font-weight:bold;line-height:1.4;">{E(association)}</td>
            </tr>
            <tr>
            <td style="padding:24px;{Font}font-size:16px;line-height:1.55;color:{Ink};">
            <h1 style="margin:0 0 16px;{Font}font-size:24px;line-height:1.25;color:{Ink};">{E(heading)}</h1>

            """);
        foreach (var paragraph in paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p style="margin:0 0 16px;">{Lines(paragraph)}</p>""").Append('\n');
        }
        if (button is { Text: var text, Url: var url })
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;">
                <tr>
                <td style="border-radius:6px;background-color:{Brand};">
                <a href="{E(url)}" style="display:inline-block;padding:12px 24px;{Font}font-size:16px;font-weight:bold;line-height:1.3;color:#ffffff;text-decoration:none;border-radius:6px;">{E(text)}</a>
                </td>
                </tr>
                </table>
                <p style="margin:0 0 16px;font-size:14px;color:{Muted};">Fungerar inte knappen? Kopiera adressen till webbläsaren:<br>
                <a href="{E(url)}" style="color:{Brand};word-break:break-all;">{E(url)}</a></p>

                """);
        }
        if (note is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid {Line};font-size:14px;color:{Muted};">{Lines(note)}</p>""").Append('\n');
        }
        html.Append(CultureInfo.InvariantCulture, $"""
            </td>
            </tr>
            <tr>
            <td style="padding:16px 24px;border-top:1px solid {Line};{Font}font-size:13px;line-height:1.5;color:{Muted};">Det här är ett automatiskt meddelande från {E(association)}.</td>
            </tr>
            </table>
            </td>
            </tr>
            </table>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string Text(string association, string heading, List<string> paragraphs, (string Text, string Url)? button, string? note)
    {
        var text = new StringBuilder();
        text.Append(association).Append("\n\n");
        text.Append(heading).Append('\n').Append(new string('=', Math.Min(heading.Length, 72))).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (button is { Text: var label, Url: var url })
        {
            // The address alone on its line, so every mail program makes it a link.
            text.Append(label).Append(":\n").Append(url).Append("\n\n");
        }
        if (note is not null)
        {
            text.Append(note).Append("\n\n");
        }
        // "-- " is the standard signature separator; mail programs grey out what follows.
        text.Append("-- \n").Append("Det här är ett automatiskt meddelande från ").Append(association).Append(".\n");
        return text.ToString();
    }

    private static string E(string value) => Encoder.Encode(value);

    private static string Lines(string value) => string.Join("<br>\n", value.Split('\n').Select(E));

    private static string Normalise(string value) => value.ReplaceLineEndings("\n").Trim();

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)].TrimEnd() + "…";

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
