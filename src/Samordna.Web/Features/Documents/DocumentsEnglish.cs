namespace Samordna.Web.Features.Documents;

/// <summary>English for the public document list.</summary>
public static class DocumentsEnglish
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Dokument"] = "Documents",
        ["Årsredovisningar, styrelseprotokoll, anslagstavlan och andra dokument från förbundet, som PDF."] =
            "Annual reports, board minutes, the notice board and other documents from the association, as PDF.",
        ["Till redaktionens dokumentlista"] = "To the editors' list of documents",
        ["Det finns ingen kategori som heter"] = "There is no category called",
        ["Här är alla dokument."] = "Here are all documents.",
        ["Kategorier"] = "Categories",
        ["Alla"] = "All",
        ["Det finns inga dokument ännu."] = "There are no documents yet.",
        ["Det finns inga dokument i den här kategorin."] = "There are no documents in this category.",
        ["Årsredovisningar"] = "Annual reports",
        ["Styrelseprotokoll"] = "Board minutes",
        ["Anslagstavla"] = "Notice board",
        ["Verksamhetsplaner och budget"] = "Plans and budgets",
        ["Övriga dokument"] = "Other documents",
    };
}
