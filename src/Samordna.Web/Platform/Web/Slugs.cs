using System.Globalization;
using System.Text;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// Readable URL segments from Swedish text: "Digitalt drop-in på Runbyvägen" → "digitalt-drop-in-pa-runbyvagen".
/// Å, ä, ö, é and other letters with diacritics fold to their base letter (æ, ø, ß, þ to their usual spellings);
/// everything that is not a-z or 0-9 becomes a single hyphen.
/// </summary>
public static class Slugs
{
    public const int DefaultMaxLength = 100;

    public static string From(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // The ring of å, the dots of ä and ö, the accent of é.
            }
            var folded = Fold(char.ToLowerInvariant(c));
            if (folded is null)
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }
            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }
            builder.Append(folded);
        }
        return Truncate(builder.ToString(), maxLength);
    }

    /// <summary>Whether a value is already a slug: lower-case a-z and 0-9 in hyphen-separated words.</summary>
    public static bool IsSlug(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= DefaultMaxLength && From(value) == value;

    private static string? Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
        'æ' => "ae",
        'ø' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        'ð' => "d",
        'ł' => "l",
        'đ' => "d",
        'ı' => "i",
        _ => null,
    };

    /// <summary>Cuts at a word boundary when possible, never leaving a trailing hyphen.</summary>
    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }
        var cut = slug[..maxLength];
        var lastHyphen = cut.LastIndexOf('-');
        if (lastHyphen > maxLength / 2)
        {
            cut = cut[..lastHyphen];
        }
        return cut.TrimEnd('-');
    }
}
