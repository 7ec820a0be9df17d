using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.DropIn;

/// <summary>A text channel in a space (#allmänt, #spel, #tips, a staff room, the influence council's room).</summary>
public sealed class Channel
{
    public const int SlugMaxLength = 60;
    public const int NameMaxLength = 60;
    public const int TopicMaxLength = 300;

    public int Id { get; set; }

    public int SpaceId { get; set; }

    public Space? Space { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Topic { get; set; } = "";

    public ChannelAccess Access { get; set; }

    /// <summary>The group whose members may use the channel when <see cref="Access"/> is <see cref="ChannelAccess.Group"/>.</summary>
    public int? GroupId { get; set; }

    public MemberGroup? Group { get; set; }

    /// <summary>The member whose private civic-guidance thread this is, when <see cref="Access"/> is <see cref="ChannelAccess.Private"/>.</summary>
    public int? OwnerMemberId { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The last message sequence number handed out; incremented under a row lock so sequence order is commit order.</summary>
    public long LastSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}

public enum ChannelAccess
{
    /// <summary>Every member of the space.</summary>
    AllMembers,

    /// <summary>Staff of the space only.</summary>
    Staff,

    /// <summary>Members of a named group (and staff), e.g. the influence council.</summary>
    Group,

    /// <summary>One member and the staff: a private civic-guidance thread (samhällsvägledning).</summary>
    Private,
}

/// <summary>A named group of members in a space, such as the influence council (inflytanderådet).</summary>
public sealed class MemberGroup
{
    public const int NameMaxLength = 60;

    public int Id { get; set; }

    public int SpaceId { get; set; }

    public string Name { get; set; } = "";

    public List<MemberGroupMembership> Members { get; set; } = [];
}

public sealed class MemberGroupMembership
{
    public int GroupId { get; set; }

    public int MemberId { get; set; }

    public SpaceMember? Member { get; set; }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("DropInChannels");
        builder.Property(c => c.Slug).HasMaxLength(Channel.SlugMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength);
        builder.Property(c => c.Topic).HasMaxLength(Channel.TopicMaxLength);
        builder.Property(c => c.Access).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(c => c.Group).WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(c => c.OwnerMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SpaceId, c.Slug }).IsUnique();
    }
}

internal sealed class MemberGroupConfiguration : IEntityTypeConfiguration<MemberGroup>
{
    public void Configure(EntityTypeBuilder<MemberGroup> builder)
    {
        builder.ToTable("DropInGroups");
        builder.Property(g => g.Name).HasMaxLength(MemberGroup.NameMaxLength);
        builder.HasOne<Space>().WithMany().HasForeignKey(g => g.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.SpaceId, g.Name }).IsUnique();
    }
}

internal sealed class MemberGroupMembershipConfiguration : IEntityTypeConfiguration<MemberGroupMembership>
{
    public void Configure(EntityTypeBuilder<MemberGroupMembership> builder)
    {
        builder.ToTable("DropInGroupMembers");
        builder.HasKey(m => new { m.GroupId, m.MemberId });
        builder.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MemberId);
    }
}
