using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

public sealed class EmailTemplateTests
{
    private static EmailContent Reset() => EmailTemplate.Render(
        "Samordningsförbundet Väsby & Sigtuna",
        "Återställ ditt lösenord",
        ["Hej Åsa!", "Någon bad om ett nytt lösenord för ditt konto.\nVar det inte du kan du strunta i det här brevet."],
        "Välj nytt lösenord",
        "https://samordna.example.se/konto/aterstall?kod=a1&anvandare=b2",
        "Länken gäller i två timmar.");

    [Fact]
    public void Html_part_is_a_Swedish_document_with_one_heading_the_button_and_the_footer()
    {
        var document = Forms.Parse(Reset().Html);

        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Återställ ditt lösenord", document.Title);
        Assert.NotNull(document.QuerySelector("meta[name=viewport]"));
        var heading = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal("Återställ ditt lösenord", heading.TextContent);
        var paragraphs = document.QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.Contains("Hej Åsa!", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Länken gäller i två timmar.", StringComparison.Ordinal));
        var second = document.QuerySelectorAll("p").Single(p => p.TextContent.StartsWith("Någon bad", StringComparison.Ordinal));
        Assert.Single(second.QuerySelectorAll("br")); // the line break inside the paragraph is kept
        var links = document.QuerySelectorAll("a").Where(a => a.GetAttribute("href") == "https://samordna.example.se/konto/aterstall?kod=a1&anvandare=b2").ToList();
        Assert.Equal(2, links.Count); // the button and the address written out for copying
        Assert.Equal("Välj nytt lösenord", links[0].TextContent);
        Assert.All(document.QuerySelectorAll("table"), t => Assert.Equal("presentation", t.GetAttribute("role")));
        Assert.Contains("Det här är ett automatiskt meddelande från Samordningsförbundet Väsby & Sigtuna.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, img, link"));
    }

    [Fact]
    public void Text_part_has_the_same_content_without_markup_and_the_address_on_its_own_line()
    {
        var text = Reset().Text;

        Assert.StartsWith("Samordningsförbundet Väsby & Sigtuna\n\nÅterställ ditt lösenord\n=======================\n\nHej Åsa!\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Någon bad om ett nytt lösenord för ditt konto.\nVar det inte du", text, StringComparison.Ordinal);
        Assert.Contains("\nVälj nytt lösenord:\nhttps://samordna.example.se/konto/aterstall?kod=a1&anvandare=b2\n", text, StringComparison.Ordinal);
        Assert.Contains("Länken gäller i två timmar.", text, StringComparison.Ordinal);
        Assert.EndsWith("\n-- \nDet här är ett automatiskt meddelande från Samordningsförbundet Väsby & Sigtuna.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_passed_in_is_encoded_in_the_html_part()
    {
        var content = EmailTemplate.Render("<b>Förbund</b>", "Rubrik <script>alert(1)</script>", ["\"Citat\" & <img src=x onerror=alert(1)>"],
            "Knapp <i>", "https://example.se/?a=\"><script>", "<em>Not</em>");
        var document = Forms.Parse(content.Html);

        Assert.Empty(document.QuerySelectorAll("script, img, b, i, em"));
        Assert.Equal("Rubrik <script>alert(1)</script>", document.QuerySelector("h1")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent == "\"Citat\" & <img src=x onerror=alert(1)>");
        Assert.Contains("Rubrik <script>alert(1)</script>", content.Text, StringComparison.Ordinal);
        Assert.Contains("å", EmailTemplate.Render("Förbund", "Å", ["å"]).Html, StringComparison.Ordinal); // not &#xE5;
    }

    [Fact]
    public void Without_a_button_or_note_there_is_no_button_and_no_note()
    {
        var content = EmailTemplate.Render("Förbundet", "Tack för din anmälan", ["Vi ses på frukostmötet.", "", "  "]);
        var document = Forms.Parse(content.Html);

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Single(document.QuerySelectorAll("td > p")); // blank paragraphs are dropped
        Assert.DoesNotContain(":\nhttp", content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Öppna", "javascript:alert(1)")]
    [InlineData("Öppna", "/konto/aterstall")]
    [InlineData("Öppna", "mailto:info@example.se")]
    [InlineData("Öppna", null)]
    [InlineData(null, "https://example.se")]
    public void Button_needs_a_text_and_an_absolute_web_address(string? text, string? url) =>
        Assert.Throws<ArgumentException>(() => EmailTemplate.Render("Förbundet", "Rubrik", ["Text"], text, url));
}
