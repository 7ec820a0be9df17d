using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// One e-mail in the outbox: written in the same transaction as the change that caused it, then sent by
/// <see cref="EmailDispatcher"/>. Rows are kept after sending, so administrators can read every message in the mail viewer.
/// </summary>
public sealed class OutboxEmail
{
    public const int IdempotencyKeyMaxLength = 200;
    public const int ToMaxLength = 320;
    public const int SubjectMaxLength = 500;
    public const int LastErrorMaxLength = 2000;

    /// <summary>Time-ordered (version 7) id; also names the message's .eml file.</summary>
    public Guid Id { get; set; }

    /// <summary>Unique: a second enqueue with the same key is a no-op. The Message-ID header is derived from it.</summary>
    public string IdempotencyKey { get; set; } = "";

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public string TextBody { get; set; } = "";

    /// <summary>Extra headers (e.g. List-Unsubscribe, Reply-To) as a JSON object, or null.</summary>
    public string? HeadersJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxEmailStatus Status { get; set; }

    /// <summary>Delivery attempts started, counted when a dispatcher claims the message (so a crash counts too).</summary>
    public int Attempts { get; set; }

    /// <summary>When a pending message is due; moved forward by the back-off after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The lease of the dispatcher that is sending it; another node (or a restart) may take over after this.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Identifies the claim: only the holder of the lease may record the outcome.</summary>
    public Guid? LockToken { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public IReadOnlyDictionary<string, string> Headers =>
        string.IsNullOrEmpty(HeadersJson)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(HeadersJson) ?? [];
}

public enum OutboxEmailStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("OutboxEmails");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.IdempotencyKey).HasMaxLength(OutboxEmail.IdempotencyKeyMaxLength);
        builder.Property(x => x.To).HasMaxLength(OutboxEmail.ToMaxLength);
        builder.Property(x => x.Subject).HasMaxLength(OutboxEmail.SubjectMaxLength);
        // Stored as text so the table reads plainly in a database console.
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.LastError).HasMaxLength(OutboxEmail.LastErrorMaxLength);
        builder.Ignore(x => x.Headers);

        builder.HasIndex(x => x.IdempotencyKey).IsUnique();
        // The dispatcher's question: which pending messages are due?
        builder.HasIndex(x => new { x.Status, x.NextAttemptAt });
        // The mail viewer's order: newest first.
        builder.HasIndex(x => x.CreatedAt);
    }
}
