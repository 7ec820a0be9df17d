using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events;

/// <summary>
/// The calendar files: one per registration (/kalender/anmalan/{token}/kalender.ics, linked from every e-mail) and
/// the public feed (/kalender.ics). Times are written in Europe/Stockholm with the zone's VTIMEZONE in the file; the
/// UID never changes and SEQUENCE grows with every change, so calendar programs update the entry they already have.
/// </summary>
public sealed class EventCalendarFiles(TimeProvider time, IOptionsSnapshot<SiteInfo> site)
{
    public const string TimeZoneId = "Europe/Stockholm";
    public const string ProductId = "-//Samordna//Kalender 1.0//SV";
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// The file of one person's registration: METHOD:PUBLISH while it stands, METHOD:CANCEL with STATUS:CANCELLED
    /// once the registration or the event is cancelled (or the event postponed without a new date), so importing
    /// it removes the entry. Only here is the join link included.
    /// </summary>
    public string ForRegistration(CalendarEvent calendarEvent, EventRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        ArgumentNullException.ThrowIfNull(registration);
        var cancelled = IsOff(calendarEvent) || registration.Status == RegistrationStatus.Cancelled;
        var writer = Begin(cancelled ? "CANCEL" : "PUBLISH");
        var baseUrl = registration.BaseUrl;
        var lines = new List<string>();
        if (registration.Status == RegistrationStatus.Waitlisted && !cancelled)
        {
            lines.Add("Du står på väntelistan. Vi meddelar dig om du får en plats.");
        }
        var confirmed = registration.Status == RegistrationStatus.Confirmed && !cancelled;
        if (confirmed && calendarEvent.IsOnline && !string.IsNullOrEmpty(calendarEvent.JoinUrl))
        {
            lines.Add("Delta online: " + calendarEvent.JoinUrl);
        }
        if (registration.Token is not null)
        {
            lines.Add("Din anmälan (se, ändra eller avboka): " + EventLinks.Absolute(baseUrl, registration.PersonalPath));
        }
        var location = calendarEvent.IsOnline
            ? confirmed && !string.IsNullOrEmpty(calendarEvent.JoinUrl) ? calendarEvent.JoinUrl : "Online"
            : calendarEvent.Location;
        var status = cancelled ? "CANCELLED" : registration.Status == RegistrationStatus.Waitlisted ? "TENTATIVE" : "CONFIRMED";
        WriteEvent(writer, calendarEvent, baseUrl, status, calendarEvent.Sequence + registration.Sequence, location, lines);
        return End(writer);
    }

    /// <summary>The public feed of upcoming public events (cancelled ones included, so subscribers see that).</summary>
    public string Feed(IEnumerable<CalendarEvent> events, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(events);
        var writer = Begin("PUBLISH");
        var name = $"{site.Value.Name} – kalender";
        writer.Text("X-WR-CALNAME", name);
        writer.Text("NAME", name);
        writer.Raw("X-WR-TIMEZONE", TimeZoneId);
        // RFC 7986 and its older Outlook spelling: how often subscribers should fetch the feed again.
        writer.Raw("REFRESH-INTERVAL", "PT6H", ("VALUE", "DURATION"));
        writer.Raw("X-PUBLISHED-TTL", "PT6H");
        foreach (var calendarEvent in events)
        {
            var status = IsOff(calendarEvent) ? "CANCELLED" : "CONFIRMED";
            var location = calendarEvent.IsOnline ? "Online" : calendarEvent.Location;
            WriteEvent(writer, calendarEvent, baseUrl, status, calendarEvent.Sequence, location, []);
        }
        return End(writer);
    }

    /// <summary>Cancelled, or postponed with no new date yet: nothing to keep in a calendar.</summary>
    public static bool IsOff(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        return calendarEvent.State == EventState.Cancelled || (calendarEvent.State == EventState.Postponed && calendarEvent.NewDateToBeAnnounced);
    }

    public static string UidOf(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        return $"{calendarEvent.Uid:D}@samordna";
    }

    private static IcsWriter Begin(string method)
    {
        var writer = new IcsWriter()
            .Begin("VCALENDAR")
            .Raw("VERSION", "2.0")
            .Text("PRODID", ProductId)
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", method);
        WriteStockholmZone(writer);
        return writer;
    }

    private static string End(IcsWriter writer) => writer.End("VCALENDAR").ToString();

    /// <summary>
    /// Europe/Stockholm as EU summer time has had it since 1996: CEST from the last Sunday of March 02:00, CET from
    /// the last Sunday of October 03:00.
    /// </summary>
    private static void WriteStockholmZone(IcsWriter writer) => writer
        .Begin("VTIMEZONE")
        .Raw("TZID", TimeZoneId)
        .Raw("X-LIC-LOCATION", TimeZoneId)
        .Begin("DAYLIGHT")
        .Raw("TZOFFSETFROM", "+0100")
        .Raw("TZOFFSETTO", "+0200")
        .Raw("TZNAME", "CEST")
        .Raw("DTSTART", "19700329T020000")
        .Raw("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        .End("DAYLIGHT")
        .Begin("STANDARD")
        .Raw("TZOFFSETFROM", "+0200")
        .Raw("TZOFFSETTO", "+0100")
        .Raw("TZNAME", "CET")
        .Raw("DTSTART", "19701025T030000")
        .Raw("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        .End("STANDARD")
        .End("VTIMEZONE");

    private void WriteEvent(IcsWriter writer, CalendarEvent calendarEvent, string baseUrl, string status, int sequence,
        string? location, List<string> personalLines)
    {
        var page = EventLinks.Absolute(baseUrl, calendarEvent.SharePath);
        var description = new StringBuilder();
        if (calendarEvent.State == EventState.Cancelled)
        {
            description.Append("INSTÄLLT. ");
        }
        else if (calendarEvent.State == EventState.Postponed)
        {
            description.Append(calendarEvent.NewDateToBeAnnounced ? "UPPSKJUTET – vi återkommer med nytt datum. " : "UPPSKJUTET till ny tid. ");
        }
        if (!string.IsNullOrWhiteSpace(calendarEvent.Notice) && calendarEvent.State is EventState.Cancelled or EventState.Postponed)
        {
            description.Append(calendarEvent.Notice.Trim()).Append("\n\n");
        }
        description.Append(calendarEvent.Summary.Trim());
        foreach (var line in personalLines)
        {
            description.Append("\n\n").Append(line);
        }
        description.Append("\n\nMer information: ").Append(page);

        writer.Begin("VEVENT")
            .Raw("UID", UidOf(calendarEvent))
            .Utc("DTSTAMP", time.GetUtcNow())
            .Utc("CREATED", calendarEvent.CreatedAt)
            .Utc("LAST-MODIFIED", calendarEvent.UpdatedAt)
            .Raw("SEQUENCE", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Zoned("DTSTART", calendarEvent.StartsAt, StockholmTime.Zone, TimeZoneId)
            .Zoned("DTEND", calendarEvent.EndsAt, StockholmTime.Zone, TimeZoneId)
            .Text("SUMMARY", (calendarEvent.State == EventState.Cancelled ? "INSTÄLLT: " : "") + calendarEvent.Title)
            .Text("DESCRIPTION", description.ToString())
            .Text("CATEGORIES", calendarEvent.Kind.Name())
            .Raw("STATUS", status)
            .Raw("TRANSP", "OPAQUE")
            .Raw("URL", page, ("VALUE", "URI"));
        if (!string.IsNullOrWhiteSpace(location))
        {
            writer.Text("LOCATION", location);
        }
        if (MailAddress.TryCreate(calendarEvent.ContactEmail, out var contact))
        {
            var name = string.IsNullOrWhiteSpace(calendarEvent.Organiser) ? calendarEvent.ContactName : calendarEvent.Organiser;
            writer.Raw("ORGANIZER", "mailto:" + contact.Address, ("CN", name));
        }
        writer.End("VEVENT");
    }
}
