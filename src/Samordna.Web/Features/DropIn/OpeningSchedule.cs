using System.Globalization;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.DropIn;

/// <summary>Whether a space is open at an instant, until when, and when it opens next.</summary>
/// <param name="IsOpen">Members may write.</param>
/// <param name="Until">When the current state ends (the closing time when open), if known within two weeks.</param>
/// <param name="NextOpening">When closed: the next opening within two weeks.</param>
/// <param name="ByStaff">Staff opened or closed the drop-in by hand.</param>
/// <param name="Note">Why the day departs from the schedule: an exception's note or a holiday's name.</param>
public sealed record OpenState(bool IsOpen, DateTimeOffset? Until, DateTimeOffset? NextOpening, bool ByStaff, string? Note);

/// <summary>
/// Reads a space's weekly schedule, its exceptions, Swedish public holidays and the staff's ad hoc override, all in
/// Europe/Stockholm wall-clock time (a 13.00 opening is 13.00 in both summer and winter time).
/// </summary>
public static class OpeningSchedule
{
    private const int LookAheadDays = 14;

    /// <summary>The openings on one Stockholm date, as UTC instants. Needs the space's hours and exceptions loaded.</summary>
    public static IReadOnlyList<(DateTimeOffset Opens, DateTimeOffset Closes)> OpeningsOn(Space space, DateOnly date)
    {
        var special = space.SpecialDays.FirstOrDefault(e => e.Date == date);
        if (special is not null)
        {
            return special.Closed || special.Opens is null || special.Closes is null
                ? []
                : [Interval(date, special.Opens.Value, special.Closes.Value)];
        }
        if (space.ClosedOnPublicHolidays && SwedishHolidays.NameOf(date) is not null)
        {
            return [];
        }
        return space.OpeningHours
            .Where(r => r.Day == date.DayOfWeek)
            .OrderBy(r => r.Opens)
            .Select(r => Interval(date, r.Opens, r.Closes))
            .ToList();
    }

    /// <summary>Why a date departs from the weekly schedule, if it does: the exception's note or the holiday's name.</summary>
    public static string? NoteFor(Space space, DateOnly date)
    {
        var special = space.SpecialDays.FirstOrDefault(e => e.Date == date);
        if (special is not null)
        {
            return string.IsNullOrWhiteSpace(special.Note) ? null : special.Note;
        }
        return space.ClosedOnPublicHolidays ? SwedishHolidays.NameOf(date) : null;
    }

    public static OpenState StateAt(Space space, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToStockholm().DateTime);
        var note = NoteFor(space, today);
        if (space.Override != OpenOverride.None && (space.OverrideUntil is null || now < space.OverrideUntil))
        {
            if (space.Override == OpenOverride.Open)
            {
                return new OpenState(true, space.OverrideUntil, null, true, note);
            }
            var from = space.OverrideUntil is { } until && until > now ? until : now;
            return new OpenState(false, space.OverrideUntil, NextOpeningAfter(space, from, today), true, note);
        }

        var intervals = Intervals(space, today.AddDays(-1), LookAheadDays + 1);
        var current = intervals.FirstOrDefault(i => i.Opens <= now && now < i.Closes);
        if (current != default)
        {
            // Contiguous openings (13–16 and 16–18) read as one.
            var closes = current.Closes;
            foreach (var next in intervals.Where(i => i.Opens > current.Opens).OrderBy(i => i.Opens))
            {
                if (next.Opens > closes)
                {
                    break;
                }
                closes = next.Closes > closes ? next.Closes : closes;
            }
            return new OpenState(true, closes, null, false, note);
        }
        var nextOpening = intervals.Where(i => i.Opens > now).Select(i => (DateTimeOffset?)i.Opens).Min();
        return new OpenState(false, nextOpening, nextOpening, false, note);
    }

    /// <summary>"Öppet nu till kl. 16.00" or "Stängt just nu — vi öppnar tisdag kl. 13.00", in the UI language.</summary>
    public static string Describe(OpenState state, DateTimeOffset now)
    {
        var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en";
        if (state.IsOpen)
        {
            if (state.Until is { } until)
            {
                return swedish ? $"Öppet nu till {When(until, now, true)}" : $"Open now until {When(until, now, false)}";
            }
            return swedish ? "Öppet nu" : "Open now";
        }
        if (state.NextOpening is { } opens)
        {
            return swedish ? $"Stängt just nu — vi öppnar {When(opens, now, true)}" : $"Closed right now — we open {When(opens, now, false)}";
        }
        return swedish ? "Stängt just nu" : "Closed right now";
    }

    /// <summary>"kl. 16.00" today, "i morgon kl. 13.00", "tisdag kl. 13.00" within a week, else "tisdag 5 januari kl. 13.00".</summary>
    public static string When(DateTimeOffset instant, DateTimeOffset now, bool swedish)
    {
        var local = instant.ToStockholm();
        var culture = swedish ? StockholmTime.Swedish : CultureInfo.GetCultureInfo("en-GB");
        var time = swedish ? local.ToString("'kl.' HH.mm", culture) : local.ToString("'at' HH:mm", culture);
        var days = DateOnly.FromDateTime(local.DateTime).DayNumber - DateOnly.FromDateTime(now.ToStockholm().DateTime).DayNumber;
        return days switch
        {
            0 => swedish ? $"i dag {time}" : $"today {time}",
            1 => swedish ? $"i morgon {time}" : $"tomorrow {time}",
            < 7 => $"{local.ToString("dddd", culture)} {time}",
            _ => $"{local.ToString("dddd d MMMM", culture)} {time}",
        };
    }

    private static DateTimeOffset? NextOpeningAfter(Space space, DateTimeOffset from, DateOnly today) =>
        Intervals(space, today.AddDays(-1), LookAheadDays + 1)
            .Where(i => i.Opens >= from || (i.Opens < from && from < i.Closes))
            .Select(i => (DateTimeOffset?)(i.Opens >= from ? i.Opens : from))
            .Min();

    private static List<(DateTimeOffset Opens, DateTimeOffset Closes)> Intervals(Space space, DateOnly first, int days)
    {
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var d = 0; d <= days; d++)
        {
            result.AddRange(OpeningsOn(space, first.AddDays(d)));
        }
        return result;
    }

    private static (DateTimeOffset Opens, DateTimeOffset Closes) Interval(DateOnly date, TimeOnly opens, TimeOnly closes)
    {
        var start = StockholmTime.FromStockholm(date.ToDateTime(opens));
        // A closing at or before the opening (e.g. 18.00–00.00) ends on the next day.
        var endDate = closes <= opens ? date.AddDays(1) : date;
        return (start, StockholmTime.FromStockholm(endDate.ToDateTime(closes)));
    }
}

/// <summary>Swedish public holidays (allmänna helgdagar) and the eves that workplaces keep closed.</summary>
public static class SwedishHolidays
{
    public static string? NameOf(DateOnly date)
    {
        var year = date.Year;
        var easter = EasterSunday(year);
        if (date == easter.AddDays(-2)) return "Långfredagen";
        if (date == easter) return "Påskdagen";
        if (date == easter.AddDays(1)) return "Annandag påsk";
        if (date == easter.AddDays(39)) return "Kristi himmelsfärdsdag";
        if (date == easter.AddDays(49)) return "Pingstdagen";
        var midsummerEve = FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        if (date == midsummerEve) return "Midsommarafton";
        if (date == midsummerEve.AddDays(1)) return "Midsommardagen";
        if (date == FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday)) return "Alla helgons dag";
        return (date.Month, date.Day) switch
        {
            (1, 1) => "Nyårsdagen",
            (1, 6) => "Trettondedag jul",
            (5, 1) => "Första maj",
            (6, 6) => "Sveriges nationaldag",
            (12, 24) => "Julafton",
            (12, 25) => "Juldagen",
            (12, 26) => "Annandag jul",
            (12, 31) => "Nyårsafton",
            _ => null,
        };
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
