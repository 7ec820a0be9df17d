using Samordna.Web.Features.DropIn.Chat;

namespace Samordna.Tests.Features.DropIn.Chat;

public sealed class MessageTextTests
{
    private static readonly HashSet<string> Members = ["NOVA", "TINA", "SOL"];

    private static string Html(string text, string me = "SOL") => MessageText.ToHtml(text, Members, me, "nämner dig").ToString()!;

    [Theory]
    [InlineData("Läs https://sv.wikipedia.org/wiki/Upplands_Väsby_(kommun).", "https://sv.wikipedia.org/wiki/Upplands_Väsby_(kommun)")]
    [InlineData("(se https://www.av.se/arbetsmiljo)", "https://www.av.se/arbetsmiljo")]
    [InlineData("Funkar det? https://example.se/a?b=1&c=2!", "https://example.se/a?b=1&amp;c=2")]
    public void Sentence_punctuation_and_a_closing_bracket_stay_outside_the_link(string text, string href)
    {
        Assert.Contains($"<a href=\"{href}\" rel=\"noopener noreferrer nofollow ugc\">", Html(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("<a href=\"https://elak.example\">klicka</a>")]
    [InlineData("\" onmouseover=\"alert(1)")]
    public void Nothing_but_http_and_https_becomes_markup(string text)
    {
        var html = Html(text);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"https://elak.example\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_mentions_are_marked_and_a_mention_of_the_reader_is_said_out_loud()
    {
        var html = Html("@nova och @Sol, har ni sett @okänd? Mejla anna@example.se.");

        Assert.Contains("<span class=\"mention\">@nova</span>", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"mention mention-me\">@Sol<span class=\"visually-hidden\"> (nämner dig)</span></mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mention\">@okänd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mention\">@example", html, StringComparison.Ordinal);
    }
}
