using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// A meeting place (mötesplats) such as HoppetOnline: members meet staff in its channels during its opening hours.
/// The physical drop-in's times and address are shown alongside, as text the staff write.
/// </summary>
public sealed class Space
{
    public const int SlugMaxLength = 80;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int HouseRulesMaxLength = 10_000;
    public const int PhysicalDropInMaxLength = 2000;
    public const int AddressMaxLength = 200;
    public const int DefaultMinAge = 16;
    public const int DefaultMaxAge = 29;

    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>House rules in Markdown; every member accepts them when joining.</summary>
    public string HouseRules { get; set; } = "";

    public int MinAge { get; set; } = DefaultMinAge;

    public int MaxAge { get; set; } = DefaultMaxAge;

    /// <summary>The physical drop-in's times in Markdown ("Tisdagar 13–16 på …"), shown beside the digital hours.</summary>
    public string? PhysicalDropIn { get; set; }

    /// <summary>The physical drop-in's street address, e.g. "Runbyvägen 11, Upplands Väsby".</summary>
    public string? PhysicalAddress { get; set; }

    /// <summary>Whether Swedish public holidays close the digital drop-in (unless an exception opens the day).</summary>
    public bool ClosedOnPublicHolidays { get; set; } = true;

    /// <summary>Staff opened or closed the drop-in by hand; the schedule applies again after <see cref="OverrideUntil"/>.</summary>
    public OpenOverride Override { get; set; }

    public DateTimeOffset? OverrideUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency for the staff's edit form.</summary>
    public Guid Version { get; set; }

    public List<Channel> Channels { get; set; } = [];

    public List<OpeningHoursRule> OpeningHours { get; set; } = [];

    public List<SpecialDay> SpecialDays { get; set; } = [];
}

public enum OpenOverride
{
    None,
    Open,
    Closed,
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.ToTable("DropInSpaces");
        builder.Property(s => s.Slug).HasMaxLength(Space.SlugMaxLength);
        builder.Property(s => s.Name).HasMaxLength(Space.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(Space.DescriptionMaxLength);
        builder.Property(s => s.HouseRules).HasMaxLength(Space.HouseRulesMaxLength);
        builder.Property(s => s.PhysicalDropIn).HasMaxLength(Space.PhysicalDropInMaxLength);
        builder.Property(s => s.PhysicalAddress).HasMaxLength(Space.AddressMaxLength);
        builder.Property(s => s.Override).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasMany(s => s.Channels).WithOne(c => c.Space).HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.OpeningHours).WithOne().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.SpecialDays).WithOne().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
