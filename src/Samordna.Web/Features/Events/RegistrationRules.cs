using System.Globalization;

namespace Samordna.Web.Features.Events;

/// <summary>Whether an event takes registrations at a given moment, and if not, what to tell the visitor.</summary>
public static class RegistrationRules
{
    /// <summary>Null when registration is open at <paramref name="now"/>; otherwise the reason, in Swedish.</summary>
    public static string? WhyClosed(CalendarEvent calendarEvent, DateTimeOffset now, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (!calendarEvent.RegistrationEnabled)
        {
            return "Det här evenemanget har ingen anmälan. Välkommen!";
        }
        switch (calendarEvent.State)
        {
            case EventState.Draft:
                return "Evenemanget är inte publicerat än.";
            case EventState.Cancelled:
                return "Evenemanget är inställt, så det går inte att anmäla sig.";
            case EventState.Postponed when calendarEvent.NewDateToBeAnnounced:
                return "Evenemanget är uppskjutet. Anmälan öppnar igen när vi har bestämt ett nytt datum.";
            default:
                break;
        }
        if (calendarEvent.RegistrationOpensAt is { } opens && now < opens)
        {
            return $"Anmälan öppnar {EventTime.Moment(opens, culture)}.";
        }
        if (now >= calendarEvent.RegistrationEndsAt)
        {
            if (calendarEvent.RegistrationClosesAt is { } closes && closes < calendarEvent.StartsAt)
            {
                return $"Anmälan stängde {EventTime.Moment(closes, culture)}, så det går inte längre att anmäla sig.";
            }
            return now >= calendarEvent.EndsAt
                ? "Evenemanget har redan ägt rum."
                : "Evenemanget har redan börjat, så anmälan är stängd.";
        }
        return null;
    }

    public static bool IsOpen(CalendarEvent calendarEvent, DateTimeOffset now) => WhyClosed(calendarEvent, now) is null;
}
