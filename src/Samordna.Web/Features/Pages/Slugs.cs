using System.Globalization;
using System.Text;

namespace Samordna.Web.Features.Pages;

/// <summary>Addresses from titles: "Öppna jämförelser 2026" becomes "oppna-jamforelser-2026".</summary>
public static class Slugs
{
    public const string Fallback = "sida";

    public static string Fold(string? title, int maxLength = ContentPage.SlugMaxLength)
    {
        var builder = new StringBuilder();
        var pendingHyphen = false;
        foreach (var c in Letters(title ?? ""))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString();
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }
        return slug.Length == 0 ? Fallback : slug;
    }

    /// <summary>Å, ä, ö (and other accented letters) without their marks; the few letters that do not decompose by hand.</summary>
    private static IEnumerable<char> Letters(string text)
    {
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case 'ø' or 'Ø':
                    yield return 'o';
                    break;
                case 'æ' or 'Æ':
                    yield return 'a';
                    yield return 'e';
                    break;
                case 'ß':
                    yield return 's';
                    yield return 's';
                    break;
                case 'đ' or 'Đ':
                    yield return 'd';
                    break;
                case 'ł' or 'Ł':
                    yield return 'l';
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        yield return c;
                    }
                    break;
            }
        }
    }

    /// <summary>The folded slug, or with "-2", "-3" … added when it is taken (or reserved).</summary>
    public static string Unique(string baseSlug, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        if (!isTaken(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var stem = baseSlug.Length + suffix.Length > ContentPage.SlugMaxLength
                ? baseSlug[..(ContentPage.SlugMaxLength - suffix.Length)].TrimEnd('-')
                : baseSlug;
            var candidate = stem + suffix;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }
}
