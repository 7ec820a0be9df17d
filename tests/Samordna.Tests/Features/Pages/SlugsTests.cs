using Samordna.Web.Features.Pages;

namespace Samordna.Tests.Features.Pages;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Årsredovisning 2026", "arsredovisning-2026")]
    [InlineData("Öppna jämförelser – så gick det", "oppna-jamforelser-sa-gick-det")]
    [InlineData("  Frågor & svar!  ", "fragor-svar")]
    [InlineData("HOPPET: för unga 16–29 år", "hoppet-for-unga-16-29-ar")]
    [InlineData("Café Ærø", "cafe-aero")]
    [InlineData("!!!", "sida")]
    [InlineData("", "sida")]
    public void Slug_is_folded_from_the_title(string title, string expected) =>
        Assert.Equal(expected, PageSlugs.Fold(title));

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary_hyphen_not_left_dangling()
    {
        var slug = PageSlugs.Fold(string.Join(' ', Enumerable.Repeat("samordning", 20)));
        Assert.True(slug.Length <= ContentPage.SlugMaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void A_taken_or_reserved_slug_gets_a_number()
    {
        var taken = new HashSet<string> { "kontakt", "kontakt-2", "nyheter" };
        Assert.Equal("kontakt-3", PageSlugs.Unique("kontakt", taken.Contains));
        Assert.Equal("om-oss", PageSlugs.Unique("om-oss", taken.Contains));
    }
}
