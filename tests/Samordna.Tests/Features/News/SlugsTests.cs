using Samordna.Web.Platform.Web;

namespace Samordna.Tests.Features.News;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Digitalt drop-in", "digitalt-drop-in")]
    [InlineData("Hoppet öppnar på Runbyvägen 11", "hoppet-oppnar-pa-runbyvagen-11")]
    [InlineData("Årsredovisning för 2019 – stora steg framåt!", "arsredovisning-for-2019-stora-steg-framat")]
    [InlineData("Café och idé: Ærø, Straße", "cafe-och-ide-aero-strasse")]
    [InlineData("  ÅÄÖ åäö  ", "aao-aao")]
    [InlineData("”Mitt hjärtas syster” – webbinarium", "mitt-hjartas-syster-webbinarium")]
    [InlineData("!!!", "")]
    public void Swedish_text_folds_to_a_readable_slug(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary_without_a_trailing_hyphen()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("samordningsförbund", 12)), 50);
        Assert.True(slug.Length <= 50);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("samordningsforbund-samordningsforbund", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("digitalt-drop-in", true)]
    [InlineData("Digitalt-drop-in", false)]
    [InlineData("drop--in", false)]
    [InlineData("-drop", false)]
    [InlineData("", false)]
    public void Only_folded_text_counts_as_a_slug(string value, bool expected) => Assert.Equal(expected, Slugs.IsSlug(value));
}
