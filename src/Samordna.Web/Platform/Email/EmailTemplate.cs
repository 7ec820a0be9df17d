using System.Net;
using System.Text;

namespace Samordna.Web.Platform.Email;

/// <summary>Placeholder until the e-mail platform lands; same shape.</summary>
public static class EmailTemplate
{
    public static EmailContent Render(string associationName, string heading, IEnumerable<string> paragraphs, string? buttonText = null, string? buttonUrl = null, string? footerNote = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<h1>").Append(WebUtility.HtmlEncode(heading)).Append("</h1>");
        text.AppendLine(heading).AppendLine();
        foreach (var p in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>");
            text.AppendLine(p).AppendLine();
        }
        if (buttonText is not null && buttonUrl is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(buttonUrl)).Append("\">").Append(WebUtility.HtmlEncode(buttonText)).Append("</a></p>");
            text.AppendLine(buttonText + ": " + buttonUrl);
        }
        html.Append("<p>").Append(WebUtility.HtmlEncode(footerNote ?? associationName)).Append("</p>");
        text.AppendLine().AppendLine(footerNote ?? associationName);
        return new EmailContent(html.ToString(), text.ToString());
    }
}

public sealed record EmailContent(string Html, string Text);
