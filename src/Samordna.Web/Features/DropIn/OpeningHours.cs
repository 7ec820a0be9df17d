using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.DropIn;

/// <summary>One opening in the weekly schedule, in Stockholm wall-clock time: "tisdag 13.00–16.00".</summary>
public sealed class OpeningHoursRule
{
    public int Id { get; set; }

    public int SpaceId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}

/// <summary>
/// A date that departs from the weekly schedule: closed (a holiday, a staff day) or open at other times. An
/// exception that opens a date overrides the public-holiday closing too.
/// </summary>
public sealed class SpecialDay
{
    public const int NoteMaxLength = 100;

    public int Id { get; set; }

    public int SpaceId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Closed the whole day; otherwise open from <see cref="Opens"/> to <see cref="Closes"/> instead of the usual hours.</summary>
    public bool Closed { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    /// <summary>Why, shown to members: "Julafton", "Personaldag".</summary>
    public string Note { get; set; } = "";
}

internal sealed class OpeningHoursRuleConfiguration : IEntityTypeConfiguration<OpeningHoursRule>
{
    public void Configure(EntityTypeBuilder<OpeningHoursRule> builder)
    {
        builder.ToTable("DropInOpeningHours");
        builder.Property(r => r.Day).HasConversion<int>();
        builder.HasIndex(r => new { r.SpaceId, r.Day });
    }
}

internal sealed class SpecialDayConfiguration : IEntityTypeConfiguration<SpecialDay>
{
    public void Configure(EntityTypeBuilder<SpecialDay> builder)
    {
        builder.ToTable("DropInSpecialDays");
        builder.Property(e => e.Note).HasMaxLength(SpecialDay.NoteMaxLength);
        builder.HasIndex(e => new { e.SpaceId, e.Date }).IsUnique();
    }
}
