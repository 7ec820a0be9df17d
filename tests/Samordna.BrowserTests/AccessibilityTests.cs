using Samordna.BrowserTests.Infrastructure;

namespace Samordna.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Page_has_no_WCAG_21_AA_violations(string url, Visitor visitor, int status)
    {
        await using var session = await browser.OpenAsync(visitor);
        await session.Page.VisitAsync(url, status);

        var violations = await session.Page.AxeViolationsAsync();

        Assert.True(violations.Length == 0, violations);
        Assert.Empty(session.Problems);
    }

    [Theory]
    [MemberData(nameof(SitePages.Ok), MemberType = typeof(SitePages))]
    public async Task Page_fits_a_320_pixel_screen_without_horizontal_scrolling(string url, Visitor visitor)
    {
        await using var session = await browser.OpenAsync(visitor, width: 320, height: 640);
        await session.Page.VisitAsync(url);

        var scrollWidth = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 320,
            $"{url} is {scrollWidth} px wide at a 320 px viewport; it scrolls sideways. Elements past the edge: " +
            string.Join("; ", await session.Page.OverflowingElementsAsync()));
    }
}
