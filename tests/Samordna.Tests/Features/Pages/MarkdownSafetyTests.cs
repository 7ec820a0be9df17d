using AngleSharp.Dom;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.Pages;

/// <summary>Whatever an editor (or someone who took over an editor's account) writes, the page runs no script.</summary>
public sealed class MarkdownSafetyTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    public const string Hostile = """
        Vanlig text.

        <script>alert('script')</script>

        <div onclick="alert('div')">Rå HTML</div>

        <img src="x" onerror="alert('img')">

        [Klicka](javascript:alert('link'))

        [Också](  JaVaScRiPt:alert('case'))

        ![Bild](javascript:alert('image'))

        ![Bild](x" onerror="alert('attribute'))

        <javascript:alert('autolink')>

        [Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        <a href="javascript:alert('anchor')">a</a>

        <iframe src="https://example.com"></iframe>

        [Säker länk](https://www.digg.se) och [intern](/kontakt).
        """;

    [Fact]
    public async Task Script_raw_HTML_javascript_links_and_event_attributes_render_inert()
    {
        await factory.InsertPageAsync("farlig", "Farlig text", Hostile);
        var client = factory.CreateBrowserClient();
        var (_, document) = await client.GetHtmlAsync("/sida/farlig");
        var prose = document.QuerySelector("main .prose")!;

        AssertInert(prose);
        // The raw HTML is shown as text, not dropped silently, so the editor sees what happened.
        Assert.Contains("<script>alert('script')</script>", prose.TextContent, StringComparison.Ordinal);
        // Safe links still work.
        Assert.NotNull(prose.QuerySelector("a[href='https://www.digg.se']"));
        Assert.NotNull(prose.QuerySelector("a[href='/kontakt']"));
    }

    internal static void AssertInert(IElement container)
    {
        Assert.Empty(container.QuerySelectorAll("script, iframe, object, embed, style, div[onclick]"));
        foreach (var element in container.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}>");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                Assert.False(attribute.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}={attribute.Value}>");
            }
        }
    }
}
