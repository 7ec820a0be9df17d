using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// A message in a channel. It is stored before it is broadcast; <see cref="Sequence"/> numbers a channel's messages
/// in commit order, so a client that reconnects asks for everything after the last sequence it saw.
/// </summary>
public sealed class ChatMessage
{
    public const int TextMaxLength = 2000;

    public long Id { get; set; }

    public int ChannelId { get; set; }

    public long Sequence { get; set; }

    public int AuthorId { get; set; }

    public SpaceMember? Author { get; set; }

    /// <summary>Chosen by the sending client: a resend after a dropped connection finds the stored message instead of doubling it.</summary>
    public Guid ClientMessageId { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Deleted by its author or removed by staff: the text is erased, the row stays so sequences have no holes.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public int? DeletedById { get; set; }
}

/// <summary>How far a member has read in a channel: the unread marker.</summary>
public sealed class ChannelReadState
{
    public int MemberId { get; set; }

    public int ChannelId { get; set; }

    public long LastReadSequence { get; set; }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("DropInMessages");
        builder.Property(m => m.Text).HasMaxLength(ChatMessage.TextMaxLength);
        builder.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ChannelId, m.Sequence }).IsUnique();
        builder.HasIndex(m => new { m.AuthorId, m.ClientMessageId }).IsUnique();
    }
}

internal sealed class ChannelReadStateConfiguration : IEntityTypeConfiguration<ChannelReadState>
{
    public void Configure(EntityTypeBuilder<ChannelReadState> builder)
    {
        builder.ToTable("DropInReadStates");
        builder.HasKey(r => new { r.MemberId, r.ChannelId });
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ChannelId);
    }
}
