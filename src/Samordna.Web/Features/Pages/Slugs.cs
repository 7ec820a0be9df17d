using System.Globalization;

namespace Samordna.Web.Features.Pages;

/// <summary>Page addresses from titles ("Öppna jämförelser 2026" → "oppna-jamforelser-2026"), folded by the platform's slug rules.</summary>
public static class PageSlugs
{
    public const string Fallback = "sida";

    public static string Fold(string? title, int maxLength = ContentPage.SlugMaxLength)
    {
        var slug = Platform.Web.Slugs.From(title, maxLength);
        return slug.Length == 0 ? Fallback : slug;
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
