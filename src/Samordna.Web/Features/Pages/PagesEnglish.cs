namespace Samordna.Web.Features.Pages;

/// <summary>English for the content pages' frame and the editors' page tools. The pages' own text is not translated.</summary>
public static class PagesEnglish
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["Senast uppdaterad"] = "Last updated",
        ["Redigera sidan"] = "Edit page",
    };
}
