using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// A person in a space: a young person under their pseudonym, or a staff member under their first name. Staff rows
/// make the staff of the space (who may moderate, open and close, and are shown as "Personal på plats").
/// </summary>
public sealed class SpaceMember
{
    public const int DisplayNameMinLength = 2;
    public const int DisplayNameMaxLength = 30;

    public int Id { get; set; }

    public int SpaceId { get; set; }

    public Space? Space { get; set; }

    public Guid UserId { get; set; }

    public AppUser? User { get; set; }

    /// <summary>The pseudonym (members) or first name (staff) shown in the space.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Upper-case invariant form of <see cref="DisplayName"/>: unique within the space.</summary>
    public string NormalizedDisplayName { get; set; } = "";

    public SpaceRole Role { get; set; }

    /// <summary>Birth year given when joining (members); checked against the space's age range.</summary>
    public int? BirthYear { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? RulesAcceptedAt { get; set; }

    /// <summary>Set when staff remove the member from the space: they can no longer read or write.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>Set when staff mute the member: they can read but not write until this instant.</summary>
    public DateTimeOffset? MutedUntil { get; set; }

    public bool IsStaff => Role == SpaceRole.Staff;

    public static string Normalize(string displayName) => displayName.Trim().ToUpperInvariant();
}

public enum SpaceRole
{
    Member,
    Staff,
}

internal sealed class SpaceMemberConfiguration : IEntityTypeConfiguration<SpaceMember>
{
    public void Configure(EntityTypeBuilder<SpaceMember> builder)
    {
        builder.ToTable("DropInMembers");
        builder.Property(m => m.DisplayName).HasMaxLength(SpaceMember.DisplayNameMaxLength);
        builder.Property(m => m.NormalizedDisplayName).HasMaxLength(SpaceMember.DisplayNameMaxLength);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(m => m.IsStaff);
        builder.HasOne(m => m.Space).WithMany().HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SpaceId, m.NormalizedDisplayName }).IsUnique();
        builder.HasIndex(m => new { m.SpaceId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}
