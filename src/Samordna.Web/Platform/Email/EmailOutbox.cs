using System.Net.Mail;
using System.Text.Json;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Adds messages to the caller's <see cref="AppDbContext"/>: nothing is written or sent until the caller saves, and a
/// rolled-back change sends nothing. After a save that included messages the dispatcher is woken, so mail leaves at
/// once rather than at the next poll.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider time, EmailDispatchSignal signal) : IEmailOutbox
{
    private bool listening;

    public void Enqueue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var to = Validate(message);
        var key = message.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        var outbox = db.Set<OutboxEmail>();
        if (message.IdempotencyKey is not null &&
            (outbox.Local.Any(x => x.IdempotencyKey == key) || outbox.Any(x => x.IdempotencyKey == key)))
        {
            return;
        }

        var now = time.GetUtcNow();
        outbox.Add(new OutboxEmail
        {
            Id = MonotonicGuid.Next(now),
            IdempotencyKey = key,
            To = to,
            Subject = OneLine(message.Subject, OutboxEmail.SubjectMaxLength),
            HtmlBody = message.HtmlBody,
            TextBody = message.TextBody,
            HeadersJson = message.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null,
            CreatedAt = now,
            Status = OutboxEmailStatus.Pending,
            NextAttemptAt = now,
        });

        if (!listening)
        {
            listening = true;
            db.SavedChanges += (_, _) => signal.Wake();
        }
    }

    /// <summary>Programming errors surface at the call, not as a message that fails eight times later.</summary>
    private static string Validate(EmailMessage message)
    {
        var to = message.To?.Trim() ?? "";
        if (!MailAddress.TryCreate(to, out var address) || address.Address != to || to.Length > OutboxEmail.ToMaxLength)
        {
            throw new ArgumentException($"'{message.To}' is not one plain e-mail address.", nameof(message));
        }
        if (string.IsNullOrWhiteSpace(message.Subject))
        {
            throw new ArgumentException("An e-mail needs a subject.", nameof(message));
        }
        if (message.HtmlBody is null || message.TextBody is null)
        {
            throw new ArgumentException("An e-mail needs both an HTML and a text part (see EmailTemplate).", nameof(message));
        }
        if (message.IdempotencyKey is { } key && (key.Length is 0 or > OutboxEmail.IdempotencyKeyMaxLength))
        {
            throw new ArgumentException($"An idempotency key must have 1 to {OutboxEmail.IdempotencyKeyMaxLength} characters.", nameof(message));
        }
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            if (name.Length == 0 || !name.All(c => c is > ' ' and <= '~' and not ':'))
            {
                throw new ArgumentException($"'{name}' is not a valid header name.", nameof(message));
            }
            if (EmlWriter.ReservedHeaders.Contains(name))
            {
                throw new ArgumentException($"The header {name} is set by the platform.", nameof(message));
            }
            if (value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Length > 998)
            {
                throw new ArgumentException($"The value of header {name} must be one line of at most 998 characters.", nameof(message));
            }
            if (string.Equals(name, "Reply-To", StringComparison.OrdinalIgnoreCase) && !MailAddress.TryCreate(value, out _))
            {
                throw new ArgumentException($"Reply-To '{value}' is not an e-mail address.", nameof(message));
            }
        }
        return to;
    }

    private static string OneLine(string text, int max)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}

/// <summary>Wakes the e-mail dispatcher right after a save that queued messages.</summary>
public sealed class EmailDispatchSignal : Jobs.WakeSignal;
