using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.Events;

/// <summary>
/// A webinar, breakfast meeting, workshop, mingle or information meeting in the calendar at /kalender, with
/// registration. Times are UTC instants shown in Europe/Stockholm. Every change that a calendar program should see
/// raises <see cref="Sequence"/> (RFC 5545 SEQUENCE); <see cref="Uid"/> never changes.
/// </summary>
public sealed class CalendarEvent
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int UrlMaxLength = 500;
    public const int LocationMaxLength = 300;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;
    public const int PhoneMaxLength = 50;
    public const int InviteCodeMaxLength = 40;
    public const int NoticeMaxLength = 2000;

    public int Id { get; set; }

    /// <summary>The calendar identity of the event (RFC 5545 UID), the same in every .ics file and in the feed.</summary>
    public Guid Uid { get; set; }

    /// <summary>Address segment: the first start date and the title ("2026-11-08-hur-vet-vi-behovet"); fixed at creation.</summary>
    public string Slug { get; set; } = "";

    public EventKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>A sentence for the list and for search engines.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Markdown, rendered with raw HTML disabled.</summary>
    public string Description { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Online: the join link is shown only to people with a confirmed registration. Otherwise <see cref="Location"/>.</summary>
    public bool IsOnline { get; set; }

    public string? JoinUrl { get; set; }

    /// <summary>Place and address, e.g. "Kommunhuset, Stationsgatan 2, Sigtuna".</summary>
    public string? Location { get; set; }

    public string Organiser { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string? ContactPhone { get; set; }

    public EventAudience Audience { get; set; }

    /// <summary>For invite-only events: the secret part of the invitation link (?inbjudan=…).</summary>
    public string? InviteCode { get; set; }

    /// <summary>Places; null means no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>When registration opens; null means as soon as the event is published.</summary>
    public DateTimeOffset? RegistrationOpensAt { get; set; }

    /// <summary>"Anmälan senast": the last minute registration is accepted (to the minute, Swedish time). Null: until the start.</summary>
    public DateTimeOffset? RegistrationClosesAt { get; set; }

    /// <summary>False for events without registration (e.g. an open drop-in mingle announced for information).</summary>
    public bool RegistrationEnabled { get; set; } = true;

    public EventState State { get; set; }

    /// <summary>Set while postponed without a new date ("Vi återkommer med nytt datum").</summary>
    public bool NewDateToBeAnnounced { get; set; }

    /// <summary>The start before the first postponement, so the page can say "flyttat från …".</summary>
    public DateTimeOffset? OriginalStartsAt { get; set; }

    /// <summary>What the editor wrote when cancelling or postponing, shown on the page and in the e-mail.</summary>
    public string? Notice { get; set; }

    /// <summary>RFC 5545 SEQUENCE: raised on every change that calendar programs should pick up.</summary>
    public int Sequence { get; set; }

    /// <summary>
    /// Bumped by every registration, cancellation and promotion before it counts places. The UPDATE takes the row lock
    /// (PostgreSQL) or the write lock (SQLite), so changes to one event's places happen one at a time on every node.
    /// </summary>
    public int SeatChanges { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedByName { get; set; } = "";

    /// <summary>When the retention job anonymised the registrations.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    public List<EventRegistration> Registrations { get; set; } = [];

    public bool IsPublished => State is not EventState.Draft;

    public bool IsCancelled => State == EventState.Cancelled;

    public bool IsPostponed => State == EventState.Postponed;

    /// <summary>Whether the event has taken place (or its date has passed) at <paramref name="now"/>.</summary>
    public bool IsPast(DateTimeOffset now) => EndsAt <= now;

    public string Path => "/kalender/" + Slug;

    /// <summary>The address to share: with the invitation code for invite-only events.</summary>
    public string SharePath => Audience == EventAudience.InviteOnly && InviteCode is not null
        ? $"{Path}?inbjudan={InviteCode}"
        : Path;

    /// <summary>The moment registration closes: the deadline's minute included, or the start.</summary>
    public DateTimeOffset RegistrationEndsAt =>
        RegistrationClosesAt is { } closes ? Min(closes.AddMinutes(1), StartsAt) : StartsAt;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

public enum EventKind
{
    Webinar,
    BreakfastMeeting,
    Workshop,
    Mingle,
    InformationMeeting,
}

public enum EventAudience
{
    /// <summary>Listed for everyone and in the public calendar feed.</summary>
    Public,

    /// <summary>Listed and open only for signed-in people (staff of the förbund and its member organisations).</summary>
    MembersOnly,

    /// <summary>Not listed; reached only through the invitation link.</summary>
    InviteOnly,
}

public enum EventState
{
    Draft,
    Published,
    Cancelled,
    Postponed,
}

/// <summary>Swedish names for the event's enums.</summary>
public static class EventTexts
{
    public static string Name(this EventKind kind) => kind switch
    {
        EventKind.Webinar => "Webbinarium",
        EventKind.BreakfastMeeting => "Frukostmöte",
        EventKind.Workshop => "Workshop",
        EventKind.Mingle => "Mingel",
        EventKind.InformationMeeting => "Informationsträff",
        _ => kind.ToString(),
    };

    public static string Name(this EventAudience audience) => audience switch
    {
        EventAudience.Public => "Öppet för alla",
        EventAudience.MembersOnly => "För medlemsparterna (inloggade)",
        EventAudience.InviteOnly => "Endast inbjudna (via länk)",
        _ => audience.ToString(),
    };

    public static string Name(this EventState state) => state switch
    {
        EventState.Draft => "Utkast",
        EventState.Published => "Publicerat",
        EventState.Cancelled => "Inställt",
        EventState.Postponed => "Uppskjutet",
        _ => state.ToString(),
    };

    public static string Name(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Anmäld",
        RegistrationStatus.Waitlisted => "På väntelistan",
        RegistrationStatus.Cancelled => "Avbokad",
        _ => status.ToString(),
    };
}

internal sealed class CalendarEventConfiguration : IEntityTypeConfiguration<CalendarEvent>
{
    public void Configure(EntityTypeBuilder<CalendarEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Slug).HasMaxLength(CalendarEvent.SlugMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Title).HasMaxLength(CalendarEvent.TitleMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(CalendarEvent.SummaryMaxLength);
        // Description is unbounded in the database (text); its limit is checked where it is edited.
        builder.Property(e => e.JoinUrl).HasMaxLength(CalendarEvent.UrlMaxLength);
        builder.Property(e => e.Location).HasMaxLength(CalendarEvent.LocationMaxLength);
        builder.Property(e => e.Organiser).HasMaxLength(CalendarEvent.NameMaxLength);
        builder.Property(e => e.ContactName).HasMaxLength(CalendarEvent.NameMaxLength);
        builder.Property(e => e.ContactEmail).HasMaxLength(CalendarEvent.EmailMaxLength);
        builder.Property(e => e.ContactPhone).HasMaxLength(CalendarEvent.PhoneMaxLength);
        builder.Property(e => e.Audience).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.InviteCode).HasMaxLength(CalendarEvent.InviteCodeMaxLength);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Notice).HasMaxLength(CalendarEvent.NoticeMaxLength);
        builder.Property(e => e.UpdatedByName).HasMaxLength(256);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => e.Uid).IsUnique();
        // The calendar's question: what starts after now?
        builder.HasIndex(e => e.StartsAt);
        builder.Ignore(e => e.IsPublished);
        builder.Ignore(e => e.IsCancelled);
        builder.Ignore(e => e.IsPostponed);
        builder.Ignore(e => e.Path);
        builder.Ignore(e => e.SharePath);
        builder.Ignore(e => e.RegistrationEndsAt);
        builder.HasMany(e => e.Registrations).WithOne(r => r.Event).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
