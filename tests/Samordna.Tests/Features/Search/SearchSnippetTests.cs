using Samordna.Web.Platform.Search;

namespace Samordna.Tests.Features.Search;

public sealed class SearchSnippetTests
{
    [Theory]
    [InlineData("a <b>\uE000x\uE001</b>", "a &lt;b&gt;<mark>x</mark>&lt;/b&gt;")]
    [InlineData("\uE000<script>\uE001 & \"y\"", "<mark>&lt;script&gt;</mark> &amp; &quot;y&quot;")]
    [InlineData("stray \uE001end and \uE000open", "stray end and <mark>open</mark>")]
    [InlineData("\uE000a\uE000b\uE001", "<mark>ab</mark>")]
    [InlineData("Årsredovisning för 2019", "Årsredovisning för 2019")]
    [InlineData("", "")]
    public void Everything_is_encoded_and_only_the_databases_marks_become_highlights(string raw, string expected)
    {
        using var writer = new StringWriter();
        SearchSnippet.ToHtml(raw).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void The_index_keeps_no_marks_of_its_own_in_stored_text()
    {
        Assert.Equal("fake mark and line", SearchIndex.Clean(" fake \uE000\uE001 mark\r\n\n and\tline ", 100));
        Assert.Equal("abc", SearchIndex.Clean("abcdef", 3));
    }

    [Theory]
    [InlineData("Årsredovisning 2019", "\"Årsredovisning\"* \"2019\"*")]
    [InlineData("drop-in \"OR\" NEAR(x) *", "\"drop\"* \"in\" \"OR\" \"NEAR\"* \"x\"")]
    [InlineData("\"*:-()", "")]
    public void Queries_become_safe_fts5_prefix_terms(string query, string expected) =>
        Assert.Equal(expected, SiteSearch.Fts5Query(query));
}
