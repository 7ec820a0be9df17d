using System.Globalization;

namespace Samordna.Web.Platform.Time;

/// <summary>Instants are stored as UTC; people read them in Europe/Stockholm with Swedish formats.</summary>
public static class StockholmTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static DateTimeOffset ToStockholm(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"27 november 2026 kl. 14.05" in the current UI culture.</summary>
    public static string FormatDateTime(this DateTimeOffset instant)
    {
        var local = instant.ToStockholm();
        var culture = CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == "sv"
            ? local.ToString("d MMMM yyyy 'kl.' HH.mm", Swedish)
            : local.ToString("d MMMM yyyy HH:mm", culture);
    }

    public static string FormatDate(this DateTimeOffset instant) =>
        instant.ToStockholm().ToString("d MMMM yyyy", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? Swedish : CultureInfo.CurrentUICulture);

    /// <summary>Interprets a wall-clock time in Stockholm as an instant (for form input).</summary>
    public static DateTimeOffset FromStockholm(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
