using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Platform.Sms;

/// <summary>
/// One SMS in the outbox: written in the same transaction as the change that caused it, then sent by
/// <see cref="SmsDispatcher"/>. Rows are kept after sending (until Sms:RetentionDays), so administrators can read every
/// message in the viewer beside the e-mail.
/// </summary>
public sealed class OutboxSms
{
    public const int IdempotencyKeyMaxLength = 200;
    public const int ToMaxLength = 20;
    public const int TextMaxLength = 1600;
    public const int LastErrorMaxLength = 2000;
    public const int ProviderIdMaxLength = 100;

    /// <summary>Time-ordered (version 7) id; also names the message's file with the File provider.</summary>
    public Guid Id { get; set; }

    public string IdempotencyKey { get; set; } = "";

    /// <summary>+467xxxxxxxx.</summary>
    public string To { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxSmsStatus Status { get; set; }

    /// <summary>Delivery attempts started, counted when a dispatcher claims the message (so a crash counts too).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LockToken { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The provider's id of the sent message (the HTTP provider's "id"), for tracing with the provider.</summary>
    public string? ProviderMessageId { get; set; }

    public string? LastError { get; set; }
}

public enum OutboxSmsStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

public sealed class OutboxSmsConfiguration : IEntityTypeConfiguration<OutboxSms>
{
    public void Configure(EntityTypeBuilder<OutboxSms> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("OutboxSms");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.IdempotencyKey).HasMaxLength(OutboxSms.IdempotencyKeyMaxLength);
        builder.Property(x => x.To).HasMaxLength(OutboxSms.ToMaxLength);
        builder.Property(x => x.Text).HasMaxLength(OutboxSms.TextMaxLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.ProviderMessageId).HasMaxLength(OutboxSms.ProviderIdMaxLength);
        builder.Property(x => x.LastError).HasMaxLength(OutboxSms.LastErrorMaxLength);
        builder.HasIndex(x => x.IdempotencyKey).IsUnique();
        builder.HasIndex(x => new { x.Status, x.NextAttemptAt });
        builder.HasIndex(x => x.CreatedAt);
    }
}
