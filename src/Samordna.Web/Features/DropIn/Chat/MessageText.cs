using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// A message's text as HTML: everything encoded, http and https addresses made into links that leave the site
/// politely (rel="noopener noreferrer nofollow ugc"), and @mentions of the space's members highlighted (a mention of
/// the reader marked). wwwroot/js/dropin-chat.js applies the same rules to messages that arrive live.
/// </summary>
public static partial class MessageText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    [GeneratedRegex(@"https?://[^\s<>""']+|@[\p{L}\p{N}_.\-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    /// <param name="text">The stored message text.</param>
    /// <param name="memberNames">Normalised display names of the space's members (<see cref="SpaceMember.Normalize"/>).</param>
    /// <param name="myName">The reader's normalised display name.</param>
    /// <param name="mentionOfMe">Read out after a mention of the reader ("nämner dig").</param>
    public static IHtmlContent ToHtml(string text, IReadOnlySet<string> memberNames, string myName, string mentionOfMe)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(memberNames);
        var html = new StringBuilder(text.Length + 32);
        var position = 0;
        foreach (Match match in Tokens().Matches(text))
        {
            var token = match.Value;
            var trimmed = token[0] == '@' ? token.TrimEnd('.', '-') : TrimUrl(token);
            html.Append(Encoder.Encode(text[position..match.Index]));
            position = match.Index + trimmed.Length;
            if (token[0] == '@')
            {
                var name = SpaceMember.Normalize(trimmed[1..]);
                if (trimmed.Length > 1 && memberNames.Contains(name))
                {
                    var mine = name == myName;
                    html.Append(mine ? "<mark class=\"mention mention-me\">" : "<span class=\"mention\">")
                        .Append(Encoder.Encode(trimmed));
                    if (mine)
                    {
                        html.Append("<span class=\"visually-hidden\"> (").Append(Encoder.Encode(mentionOfMe)).Append(")</span>");
                    }
                    html.Append(mine ? "</mark>" : "</span>");
                }
                else
                {
                    html.Append(Encoder.Encode(trimmed));
                }
            }
            else if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                html.Append("<a href=\"").Append(Encoder.Encode(trimmed)).Append("\" rel=\"noopener noreferrer nofollow ugc\">")
                    .Append(Encoder.Encode(trimmed)).Append("</a>");
            }
            else
            {
                html.Append(Encoder.Encode(trimmed));
            }
        }
        html.Append(Encoder.Encode(text[position..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>A sentence's closing punctuation is not part of the address; a closing bracket is, when the address opened one.</summary>
    public static string TrimUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?')
            {
                end--;
            }
            else if (c == ')' && url.AsSpan(0, end).Count('(') < url.AsSpan(0, end).Count(')'))
            {
                end--;
            }
            else
            {
                break;
            }
        }
        return url[..end];
    }
}
