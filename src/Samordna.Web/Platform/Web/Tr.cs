using System.Collections.Frozen;
using System.Globalization;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// The UI speaks Swedish first: texts are written in Swedish in the views and looked up in English when the visitor
/// has switched language. Each area contributes its English texts as an <see cref="EnglishTexts"/> in its module.
/// </summary>
public sealed class Tr(IEnumerable<EnglishTexts> texts)
{
    private readonly FrozenDictionary<string, string> english = texts
        .SelectMany(t => t.Texts)
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public string this[string swedish] =>
        IsEnglish && english.TryGetValue(swedish, out var en) ? en : swedish;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

/// <summary>English translations of one area's Swedish UI texts.</summary>
public sealed record EnglishTexts(IReadOnlyDictionary<string, string> Texts);
