using System.Globalization;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.Events;

/// <summary>Event times as people read them: "tisdag 8 december 2026 kl. 09.00–10.00", in Swedish time.</summary>
public static class EventTime
{
    private static readonly CultureInfo Swedish = StockholmTime.Swedish;

    /// <summary>When the event is, in Swedish (e-mails) or in the visitor's language (pages, <paramref name="culture"/>).</summary>
    public static string Describe(CalendarEvent calendarEvent, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        return Describe(calendarEvent.StartsAt, calendarEvent.EndsAt, culture);
    }

    public static string Describe(DateTimeOffset startsAt, DateTimeOffset endsAt, CultureInfo? culture = null)
    {
        culture ??= Swedish;
        var swedish = culture.TwoLetterISOLanguageName == "sv";
        var format = swedish ? Swedish : culture;
        var start = startsAt.ToStockholm();
        var end = endsAt.ToStockholm();
        var full = swedish ? "dddd d MMMM yyyy 'kl.' HH.mm" : "dddd d MMMM yyyy HH:mm";
        var clock = swedish ? "HH.mm" : "HH:mm";
        return start.Date == end.Date
            ? start.ToString(full, format) + "–" + end.ToString(clock, format)
            : start.ToString(full, format) + " – " + end.ToString(full, format);
    }

    /// <summary>"2 november 2026 kl. 23.59": a deadline or other single moment, in Swedish time.</summary>
    public static string Moment(DateTimeOffset instant, CultureInfo? culture = null)
    {
        culture ??= Swedish;
        var local = instant.ToStockholm();
        return culture.TwoLetterISOLanguageName == "sv"
            ? local.ToString("d MMMM yyyy 'kl.' HH.mm", Swedish)
            : local.ToString("d MMMM yyyy HH:mm", culture);
    }

    /// <summary>The value of a datetime-local input: "2026-11-08T09:00" in Swedish time.</summary>
    public static string InputValue(DateTimeOffset? instant) =>
        instant is { } value ? value.ToStockholm().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads a datetime-local value ("2026-11-08T09:00", seconds allowed) as Swedish time; null when it is not one.</summary>
    public static DateTimeOffset? ParseInput(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.fff"];
        return DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock)
            ? StockholmTime.FromStockholm(wallClock)
            : null;
    }
}
