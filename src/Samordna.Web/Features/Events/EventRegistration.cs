using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.Events;

/// <summary>
/// One person's registration for an event: confirmed, on the waiting list, or cancelled. The person reaches it
/// through a personal link (<see cref="Token"/>). The retention job anonymises it a number of days after the event;
/// the row, its status and attendance stay so the counts remain.
/// </summary>
public sealed class EventRegistration
{
    public const int TokenMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int OrganisationMaxLength = 200;
    public const int PhoneMaxLength = 50;
    public const int NeedsMaxLength = 1000;
    public const int BaseUrlMaxLength = 300;

    public int Id { get; set; }

    public int EventId { get; set; }

    public CalendarEvent? Event { get; set; }

    /// <summary>The secret in the personal link (/kalender/anmalan/{token}); 256 random bits. Null once anonymised.</summary>
    public string? Token { get; set; }

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    /// <summary>Lower-case address; unique per event, so the same person is registered once.</summary>
    public string? NormalizedEmail { get; set; }

    public string Organisation { get; set; } = "";

    public string? Phone { get; set; }

    /// <summary>Accessibility, food and other needs, in the person's own words.</summary>
    public string? Needs { get; set; }

    /// <summary>When the person agreed to the förbund storing the data for the event.</summary>
    public DateTimeOffset ConsentedAt { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>The form submission that created it; a second post of the same form finds it and changes nothing.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>When the person joined the queue (registered, or registered again after cancelling); orders the waiting list.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The event start the reminder was sent for; a new date makes the registration due for a reminder again.</summary>
    public DateTimeOffset? RemindedForStart { get; set; }

    /// <summary>Marked by staff after the event; null until marked.</summary>
    public bool? Attended { get; set; }

    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>
    /// Changes of this registration that its calendar file must show (cancelled, registered again, given a place);
    /// added to the event's sequence for the file's SEQUENCE, so that value only ever grows.
    /// </summary>
    public int Sequence { get; set; }

    /// <summary>The site address the person registered at (scheme, host, path base), for links in later e-mails.</summary>
    public string BaseUrl { get; set; } = "";

    public string PersonalPath => "/kalender/anmalan/" + Token;

    public string CalendarFilePath => PersonalPath + "/kalender.ics";
}

public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.Property(r => r.Token).HasMaxLength(EventRegistration.TokenMaxLength);
        builder.Property(r => r.Name).HasMaxLength(EventRegistration.NameMaxLength);
        builder.Property(r => r.Email).HasMaxLength(CalendarEvent.EmailMaxLength);
        builder.Property(r => r.NormalizedEmail).HasMaxLength(CalendarEvent.EmailMaxLength);
        builder.Property(r => r.Organisation).HasMaxLength(EventRegistration.OrganisationMaxLength);
        builder.Property(r => r.Phone).HasMaxLength(EventRegistration.PhoneMaxLength);
        builder.Property(r => r.Needs).HasMaxLength(EventRegistration.NeedsMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.BaseUrl).HasMaxLength(EventRegistration.BaseUrlMaxLength);
        builder.Ignore(r => r.PersonalPath);
        builder.Ignore(r => r.CalendarFilePath);
        builder.HasIndex(r => r.Token).IsUnique();
        // One registration per address and event (a cancelled one is reused when the person registers again);
        // anonymised rows have no address, and both databases allow many NULLs in a unique index.
        builder.HasIndex(r => new { r.EventId, r.NormalizedEmail }).IsUnique();
        // The waiting list and the counts: by event and status, in queue order.
        builder.HasIndex(r => new { r.EventId, r.Status, r.QueuedAt });
    }
}

/// <summary>A topic someone would like a future webinar about ("Föreslå ett ämne"); staff mark it handled.</summary>
public sealed class TopicSuggestion
{
    public const int TopicMaxLength = 200;
    public const int DetailsMaxLength = 2000;

    public int Id { get; set; }

    public string Topic { get; set; } = "";

    public string? Details { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Organisation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public string? HandledByName { get; set; }
}

internal sealed class TopicSuggestionConfiguration : IEntityTypeConfiguration<TopicSuggestion>
{
    public void Configure(EntityTypeBuilder<TopicSuggestion> builder)
    {
        builder.ToTable("EventTopicSuggestions");
        builder.Property(s => s.Topic).HasMaxLength(TopicSuggestion.TopicMaxLength);
        builder.Property(s => s.Details).HasMaxLength(TopicSuggestion.DetailsMaxLength);
        builder.Property(s => s.Name).HasMaxLength(EventRegistration.NameMaxLength);
        builder.Property(s => s.Email).HasMaxLength(CalendarEvent.EmailMaxLength);
        builder.Property(s => s.Organisation).HasMaxLength(EventRegistration.OrganisationMaxLength);
        builder.Property(s => s.HandledByName).HasMaxLength(256);
        builder.HasIndex(s => s.CreatedAt);
    }
}
