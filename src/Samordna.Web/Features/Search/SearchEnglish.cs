namespace Samordna.Web.Features.Search;

/// <summary>English for the search page.</summary>
public static class SearchEnglish
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Sök"] = "Search",
        ["sida"] = "page",
        ["Sida"] = "Page",
        ["av"] = "of",
        ["och"] = "and",
        ["Sök bland nyheter, sidor och dokument."] = "Search the news, pages and documents.",
        ["Sök bland nyheter, sidor och dokument"] = "Search the news, pages and documents",
        ["Skriv ett eller flera ord i sökrutan, till exempel ”årsredovisning” eller ”drop in”."] =
            "Type one or more words in the search box, for example “årsredovisning” (annual report) or “drop in”.",
        ["Ingen träff på"] = "Nothing found for",
        ["Kontrollera stavningen, prova ett annat eller kortare ord, eller titta bland"] = "Check the spelling, try another or a shorter word, or look through",
        ["nyheterna"] = "the news",
        ["dokumenten"] = "the documents",
        ["1 träff på"] = "1 result for",
        ["träffar på"] = "results for",
        ["Sidor med sökträffar"] = "Pages of results",
        ["Föregående sida"] = "Previous page",
        ["Nästa sida"] = "Next page",
        ["Nyhet"] = "News",
        // "Dokument" is the documents area's word (plural in English there), shared by the type of a hit.
        [IndexModel.TooLongMessage] = "The search is too long. Use at most 200 characters.",
    };
}
