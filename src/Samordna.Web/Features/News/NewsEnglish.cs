namespace Samordna.Web.Features.News;

/// <summary>English for the public news pages.</summary>
public static class NewsEnglish
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["Nyheter"] = "News",
        ["Nyheter från"] = "News from",
        ["Nyhetsarkiv"] = "News archive",
        ["Nyheter om"] = "News about",
        ["Arkivet är tomt."] = "The archive is empty.",
        ["nyhet"] = "news item",
        ["nyheter"] = "news items",
        ["sida"] = "page",
        ["Sida"] = "Page",
        ["av"] = "of",
        ["Sidor"] = "Pages",
        ["Nyare nyheter"] = "Newer news",
        ["Äldre nyheter"] = "Older news",
        ["Det finns inga nyheter ännu."] = "There is no news yet.",
        ["Det finns inga nyheter för den här perioden."] = "There are no entries for this period.",
        ["Närmast tidigare"] = "Nearest earlier",
        ["Närmast senare"] = "Nearest later",
        ["Brödsmulor"] = "Breadcrumbs",
        ["Publicerad"] = "Published",
        ["Uppdaterad"] = "Updated",
        ["Taggar"] = "Tags",
        ["Fler nyheter från"] = "More news from",
        ["Alla nyheter"] = "All news",
        ["Senaste nytt"] = "Latest news",
        ["Prenumerera på nyheterna (Atom-flöde)"] = "Subscribe to the news (Atom feed)",
    };
}
