using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Newsletter;

/// <summary>A campaign as e-mail (HTML and text, with placeholders for each recipient's links) and as a web page.</summary>
public sealed record RenderedCampaign(string Html, string Text, string Web);

/// <summary>
/// Turns a campaign's Markdown and its automatic blocks into a responsive HTML e-mail (tables and inline styles,
/// which is what mail programs understand), a plain-text part and the archive's web version.
/// </summary>
public sealed partial class CampaignRenderer(MarkdownRenderer markdown, IEnumerable<INewsletterBlockSource> sources, IOptions<SiteInfo> site)
{
    public const string UnsubscribePlaceholder = "%%SAMORDNA_AVSLUTA%%";
    public const string PreferencesPlaceholder = "%%SAMORDNA_INSTALLNINGAR%%";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private const string Ink = "#1b1f24";
    private const string Muted = "#4a5560";
    private const string Brand = "#0b5a7a";
    private const string BrandDark = "#083f56";
    private const string Wash = "#f3f5f7";
    private const string Line = "#c9d0d6";

    public IReadOnlyList<INewsletterBlockSource> Sources { get; } = sources.ToList();

    public bool Offers(string kind) => Sources.Any(s => s.Kind == kind);

    /// <summary>The blocks the campaign asks for, read now from the areas that provide them.</summary>
    public async Task<IReadOnlyList<NewsletterBlock>> BlocksAsync(Campaign campaign, IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var blocks = new List<NewsletterBlock>();
        foreach (var source in Sources)
        {
            var wanted = (source.Kind == NewsletterBlockKinds.News && campaign.IncludeNews) ||
                         (source.Kind == NewsletterBlockKinds.Events && campaign.IncludeEvents);
            if (!wanted)
            {
                continue;
            }
            var items = await source.GetItemsAsync(services, now, cancellationToken);
            if (items.Count > 0)
            {
                blocks.Add(new NewsletterBlock(source.Heading, items));
            }
        }
        return blocks;
    }

    /// <param name="campaign">The campaign.</param>
    /// <param name="blocks">Its automatic blocks.</param>
    /// <param name="listNames">Names of the lists it goes to, for the footer.</param>
    /// <param name="baseUrl">The site's address, e.g. https://www.samordna.se, for absolute links.</param>
    public RenderedCampaign Render(Campaign campaign, IReadOnlyList<NewsletterBlock> blocks, IReadOnlyList<string> listNames, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(blocks);
        baseUrl = baseUrl.TrimEnd('/');
        var association = site.Value.Name;
        var bodyHtml = markdown.ToHtml(campaign.Body);
        var web = new StringBuilder(bodyHtml);
        foreach (var block in blocks)
        {
            web.Append("<section class=\"newsletter-block\"><h2>").Append(E(block.Heading)).Append("</h2><ul>");
            foreach (var item in block.Items)
            {
                web.Append("<li><a href=\"").Append(E(item.Url)).Append("\">").Append(E(item.Title)).Append("</a>");
                if (item.When is not null)
                {
                    web.Append("<br><span class=\"muted\">").Append(E(item.When)).Append("</span>");
                }
                if (item.Summary is not null)
                {
                    web.Append("<br>").Append(E(item.Summary));
                }
                web.Append("</li>");
            }
            web.Append("</ul></section>");
        }
        var archiveUrl = $"{baseUrl}/nyhetsbrev/arkiv/{campaign.Id.ToString(CultureInfo.InvariantCulture)}";
        var lists = listNames.Count == 0 ? "vårt nyhetsbrev" : string.Join(" och ", listNames);
        return new RenderedCampaign(
            Html(campaign, Absolute(web.ToString(), baseUrl), association, lists, archiveUrl),
            Text(campaign, blocks, association, lists, baseUrl, archiveUrl),
            web.ToString());
    }

    /// <summary>The e-mail for one recipient: the placeholders replaced by their own signed links.</summary>
    public static string Personalise(string template, string unsubscribeUrl, string preferencesUrl)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Replace(UnsubscribePlaceholder, unsubscribeUrl, StringComparison.Ordinal)
            .Replace(PreferencesPlaceholder, preferencesUrl, StringComparison.Ordinal);
    }

    private static string Html(Campaign campaign, string content, string association, string lists, string archiveUrl)
    {
        var html = new StringBuilder(content.Length + 4096);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <title>{E(campaign.Subject)}</title>
            <style>
            .content h2{"{"}font-size:20px;line-height:1.3;margin:24px 0 8px;color:{Ink};{"}"}
            .content h3{"{"}font-size:17px;line-height:1.3;margin:20px 0 8px;color:{Ink};{"}"}
            .content p,.content ul,.content ol{"{"}margin:0 0 16px;{"}"}
            .content a{"{"}color:{Brand};{"}"}
            .content img{"{"}max-width:100%;height:auto;{"}"}
            @media (max-width:620px){"{"}.outer{"{"}padding:8px 0 !important;{"}"}.inner{"{"}padding:16px !important;{"}"}{"}"}
            </style>
            </head>
            <body style="margin:0;padding:0;background-color:{Wash};color:{Ink};{Font}">
            <div style="display:none;max-height:0;overflow:hidden;opacity:0;">{E(campaign.Preheader)}</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:{Wash};">
            <tr>
            <td align="center" class="outer" style="padding:24px 12px;">
            <p style="margin:0 0 8px;{Font}font-size:13px;color:{Muted};"><a href="{E(archiveUrl)}" style="color:{Muted};">Läs nyhetsbrevet i webbläsaren</a></p>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid {Line};border-radius:6px;">
            <tr>
            <td style="background-color:{BrandDark};color:#ffffff;padding:16px 24px;border-radius:6px 6px 0 0;{Font}font-size:16px;font-weight:bold;line-height:1.4;">{E(association)}</td>
            </tr>
            <tr>
            <td class="inner content" style="padding:24px;{Font}font-size:16px;line-height:1.55;color:{Ink};">
            <h1 style="margin:0 0 16px;{Font}font-size:24px;line-height:1.25;color:{Ink};">{E(campaign.Subject)}</h1>
            {content}
            </td>
            </tr>
            <tr>
            <td style="padding:16px 24px;border-top:1px solid {Line};{Font}font-size:13px;line-height:1.5;color:{Muted};">
            Du får det här utskicket eftersom du prenumererar på {E(lists)} från {E(association)}. Vi sprider inte dina uppgifter vidare till andra.<br>
            <a href="{PreferencesPlaceholder}" style="color:{Brand};">Ändra dina val</a> · <a href="{UnsubscribePlaceholder}" style="color:{Brand};">Avsluta prenumerationen</a>
            </td>
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

    private static string Text(Campaign campaign, IReadOnlyList<NewsletterBlock> blocks, string association, string lists, string baseUrl, string archiveUrl)
    {
        var text = new StringBuilder();
        text.Append(association).Append("\n\n");
        text.Append(campaign.Subject).Append('\n').Append(new string('=', Math.Min(campaign.Subject.Length, 72))).Append("\n\n");
        text.Append(PlainMarkdown(campaign.Body, baseUrl)).Append("\n\n");
        foreach (var block in blocks)
        {
            text.Append(block.Heading).Append('\n').Append(new string('-', Math.Min(block.Heading.Length, 72))).Append('\n');
            foreach (var item in block.Items)
            {
                text.Append("* ").Append(item.Title).Append('\n');
                if (item.When is not null)
                {
                    text.Append("  ").Append(item.When).Append('\n');
                }
                text.Append("  ").Append(AbsoluteUrl(item.Url, baseUrl)).Append('\n');
            }
            text.Append('\n');
        }
        text.Append("-- \n")
            .Append("Du får det här utskicket eftersom du prenumererar på ").Append(lists).Append(" från ").Append(association).Append(".\n")
            .Append("Läs i webbläsaren:\n").Append(archiveUrl).Append('\n')
            .Append("Ändra dina val:\n").Append(PreferencesPlaceholder).Append('\n')
            .Append("Avsluta prenumerationen:\n").Append(UnsubscribePlaceholder).Append('\n');
        return text.ToString();
    }

    /// <summary>Markdown reads well as text; only links become "text (address)" with absolute addresses.</summary>
    private static string PlainMarkdown(string body, string baseUrl) =>
        MarkdownLink().Replace(body.ReplaceLineEndings("\n").Trim(), m => $"{m.Groups["text"].Value} ({AbsoluteUrl(m.Groups["url"].Value, baseUrl)})");

    private static string AbsoluteUrl(string url, string baseUrl) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? baseUrl + url : url;

    private static string Absolute(string html, string baseUrl) =>
        SiteRelativeHref().Replace(html, m => $"{m.Groups["attr"].Value}=\"{baseUrl}/");

    private static string E(string value) => Encoder.Encode(value);

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("(?<attr>href|src)=\"/(?!/)")]
    private static partial Regex SiteRelativeHref();
}
