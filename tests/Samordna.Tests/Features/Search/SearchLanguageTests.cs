using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Features.Documents;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;

namespace Samordna.Tests.Features.Search;

/// <summary>
/// What each database does with Swedish words. PostgreSQL's swedish snowball stemmer maps inflected forms to one stem
/// ("deltagarna" and "deltagare" both become "deltag"), so they find each other. It does not join every pair: it
/// leaves "workshoppar" as "workshopp" and "workshop" as "workshop", so those two do not meet. SQLite's FTS5 has no
/// Swedish stemmer; there each word is a prefix ("workshop" finds "workshoppar", not the other way round).
/// </summary>
public sealed class SearchLanguageTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task On_PostgreSQL_inflected_forms_find_each_other()
    {
        Assert.SkipUnless(factory.UsesPostgres, "Stemming is PostgreSQL's (set SAMORDNA_TEST_POSTGRES to run this).");
        var page = await factory.CreatePageAsync("Coachning", "Alla deltagare i kursen får en egen coach.");
        var article = await factory.SaveNewsAsync("Våra årsredovisningar finns på webben", "Tre år av arbete samlade.");
        var document = await factory.AddDocumentAsync("Insatser för unga vuxna", 2024, DocumentCategory.Other);

        var participants = await factory.SearchAsync("deltagarna");
        var hit = Assert.Single(participants, h => h.Url == page.Path);
        Assert.Contains("<mark>deltagare</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains(await factory.SearchAsync("årsredovisningen"), h => h.Url == article.Url);
        Assert.Contains(await factory.SearchAsync("insatsen"), h => h.Url == document.Url);
        // Web-style queries: a phrase, and a word left out.
        Assert.Contains(await factory.SearchAsync("\"egen coach\""), h => h.Url == page.Path);
        Assert.DoesNotContain(await factory.SearchAsync("deltagarna -coach"), h => h.Url == page.Path);
    }

    [Fact]
    public async Task On_SQLite_each_word_is_a_prefix()
    {
        Assert.SkipWhen(factory.UsesPostgres, "Prefix matching is how the SQLite index reads a query.");
        var page = await factory.CreatePageAsync("Sommarens träffar", "Vi ordnar workshoppar för unga vuxna hela sommaren.");

        Assert.Contains(await factory.SearchAsync("workshop"), h => h.Url == page.Path);
        Assert.Contains(await factory.SearchAsync("Sommar"), h => h.Url == page.Path);
    }

    [Fact]
    public async Task The_full_text_objects_outside_the_model_exist()
    {
        // The schema test ignores exactly these objects (EF's model cannot describe them), so check them here.
        var found = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(factory.UsesPostgres
            ? """
              SELECT column_name AS "Value" FROM information_schema.columns WHERE table_name = 'SearchEntries' AND column_name = 'SearchVector' AND data_type = 'tsvector'
              UNION ALL SELECT indexname FROM pg_indexes WHERE tablename = 'SearchEntries' AND indexdef LIKE '%USING gin ("SearchVector")%'
              """
            : """
              SELECT name AS "Value" FROM sqlite_master WHERE (type = 'table' AND name = 'SearchEntriesFts' AND sql LIKE '%fts5%remove_diacritics 0%')
                 OR (type = 'trigger' AND tbl_name = 'SearchEntries')
              """).ToListAsync(SearchTestData.Ct));

        Assert.Equal(factory.UsesPostgres
            ? ["IX_SearchEntries_SearchVector", "SearchVector"]
            : ["SearchEntriesFts", "SearchEntries_FtsDelete", "SearchEntries_FtsInsert", "SearchEntries_FtsUpdate"],
            found.Order(StringComparer.Ordinal).ToArray());
    }
}
