using System.Globalization;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>How a space's hours read on its pages: "Måndag 17.00–19.00", "Julafton, torsdag 24 december: stängt".</summary>
public static class SpaceText
{
    /// <summary>Monday first, as Swedish weeks are.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>How many days ahead the coming exceptions and holidays are shown.</summary>
    public const int ComingDays = 42;

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static CultureInfo Culture => English ? CultureInfo.GetCultureInfo("en-GB") : StockholmTime.Swedish;

    /// <summary>"Måndag" (or "Monday").</summary>
    public static string DayName(DayOfWeek day)
    {
        var name = Culture.DateTimeFormat.GetDayName(day);
        return string.Concat(name[..1].ToUpper(Culture), name[1..]);
    }

    /// <summary>"17.00" (or "17:00").</summary>
    public static string Time(TimeOnly time) => time.ToString(English ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture);

    /// <summary>"17.00–19.00".</summary>
    public static string Span(TimeOnly opens, TimeOnly closes) => $"{Time(opens)}–{Time(closes)}";

    /// <summary>"torsdag 24 december".</summary>
    public static string Date(DateOnly date) => date.ToString("dddd d MMMM", Culture);

    /// <summary>"2026-12-24", the value of a date input.</summary>
    public static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"17:00", the value of a time input.</summary>
    public static string TimeValue(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The weekly rules in week order: Monday first, earliest opening first.</summary>
    public static IReadOnlyList<OpeningHoursRule> Ordered(IEnumerable<OpeningHoursRule> rules) =>
        rules.OrderBy(r => ((int)r.Day + 6) % 7).ThenBy(r => r.Opens).ToList();

    /// <summary>"Måndag 17.00–19.00" per rule, in week order.</summary>
    public static IReadOnlyList<string> WeeklyLines(Space space) =>
        Ordered(space.OpeningHours).Select(r => $"{DayName(r.Day)} {Span(r.Opens, r.Closes)}").ToList();

    /// <summary>Today's date in Stockholm.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToStockholm().DateTime);

    /// <summary>
    /// The dates within <see cref="ComingDays"/> that depart from the weekly schedule: the staff's special days, and
    /// public holidays that close a day which would otherwise be open.
    /// </summary>
    public static IReadOnlyList<ComingDay> ComingChanges(Space space, DateTimeOffset now)
    {
        var today = Today(now);
        var result = new List<ComingDay>();
        for (var d = 0; d <= ComingDays; d++)
        {
            var date = today.AddDays(d);
            var special = space.SpecialDays.FirstOrDefault(s => s.Date == date);
            var holiday = SwedishHolidays.NameOf(date);
            var weekly = space.OpeningHours.Any(r => r.Day == date.DayOfWeek);
            if (special is null && !(holiday is not null && space.ClosedOnPublicHolidays && weekly))
            {
                continue;
            }
            var openings = OpeningSchedule.OpeningsOn(space, date)
                .Select(o => Span(TimeOnly.FromDateTime(o.Opens.ToStockholm().DateTime), TimeOnly.FromDateTime(o.Closes.ToStockholm().DateTime)))
                .ToList();
            result.Add(new ComingDay(date, OpeningSchedule.NoteFor(space, date) ?? holiday, openings, special));
        }
        return result;
    }

    /// <summary>The public holidays within <see cref="ComingDays"/>, for the staff's opening-hours page.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> ComingHolidays(DateTimeOffset now)
    {
        var today = Today(now);
        return Enumerable.Range(0, ComingDays + 1)
            .Select(d => today.AddDays(d))
            .Select(d => (Date: d, Name: SwedishHolidays.NameOf(d)))
            .Where(h => h.Name is not null)
            .Select(h => (h.Date, h.Name!))
            .ToList();
    }
}

/// <summary>A coming date whose hours differ from the week's: its note or holiday name and its openings (none = closed).</summary>
public sealed record ComingDay(DateOnly Date, string? Note, IReadOnlyList<string> Openings, SpecialDay? Special)
{
    public bool Closed => Openings.Count == 0;
}
