using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// An invitation to a space, sent by staff by SMS or e-mail. Only a hash of the link's token is stored. The address
/// the invite went to is erased once the invite is used, expired or revoked (data minimisation).
/// </summary>
public sealed class Invite
{
    public const int RecipientMaxLength = 320;
    public const int MessageMaxLength = 500;
    public const int DefaultValidDays = 7;

    public int Id { get; set; }

    public int SpaceId { get; set; }

    public Space? Space { get; set; }

    /// <summary>SHA-256 of the token in the link (hex); the token itself is only in the message.</summary>
    public string TokenHash { get; set; } = "";

    public InviteDelivery Delivery { get; set; }

    /// <summary>The mobile number (+46…) or e-mail address; null once the invite has been used, expired or revoked.</summary>
    public string? Recipient { get; set; }

    /// <summary>A masked form kept for the staff's list after the address is erased: "+46 70-*** **67", "e***@gmail.com".</summary>
    public string RecipientHint { get; set; } = "";

    /// <summary>An optional personal message from the staff member, included in the SMS or e-mail.</summary>
    public string? Message { get; set; }

    public Guid CreatedByUserId { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public int? UsedByMemberId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedByName { get; set; }

    public InviteState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? InviteState.Used
        : RevokedAt is not null ? InviteState.Revoked
        : now >= ExpiresAt ? InviteState.Expired
        : InviteState.Sent;
}

public enum InviteDelivery
{
    Sms,
    Email,
}

public enum InviteState
{
    Sent,
    Used,
    Expired,
    Revoked,
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("DropInInvites");
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.Delivery).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Recipient).HasMaxLength(Invite.RecipientMaxLength);
        builder.Property(i => i.RecipientHint).HasMaxLength(Invite.RecipientMaxLength);
        builder.Property(i => i.Message).HasMaxLength(Invite.MessageMaxLength);
        builder.Property(i => i.CreatedByName).HasMaxLength(256);
        builder.Property(i => i.RevokedByName).HasMaxLength(256);
        builder.HasOne(i => i.Space).WithMany().HasForeignKey(i => i.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.SpaceId, i.CreatedAt });
    }
}
