using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Web.Platform.Sms;

/// <summary>
/// Adds messages to the caller's <see cref="AppDbContext"/>: nothing is written or sent until the caller saves, and a
/// rolled-back change sends nothing. After a save that included messages the dispatcher is woken.
/// </summary>
public sealed class SmsOutbox(AppDbContext db, TimeProvider time, SmsDispatchSignal signal) : ISmsOutbox
{
    private bool listening;

    public void Enqueue(SmsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!SwedishMobileNumber.IsNormalized(message.To))
        {
            throw new ArgumentException($"'{message.To}' is not a normalised Swedish mobile number (+467xxxxxxxx); use SwedishMobileNumber.TryNormalize.", nameof(message));
        }
        var text = message.Text?.ReplaceLineEndings("\n").Trim() ?? "";
        if (text.Length is 0 or > OutboxSms.TextMaxLength)
        {
            throw new ArgumentException($"An SMS needs 1 to {OutboxSms.TextMaxLength} characters of text.", nameof(message));
        }
        if (message.IdempotencyKey is { } given && (given.Length is 0 or > OutboxSms.IdempotencyKeyMaxLength))
        {
            throw new ArgumentException($"An idempotency key must have 1 to {OutboxSms.IdempotencyKeyMaxLength} characters.", nameof(message));
        }
        var key = message.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        var outbox = db.Set<OutboxSms>();
        if (message.IdempotencyKey is not null &&
            (outbox.Local.Any(x => x.IdempotencyKey == key) || outbox.Any(x => x.IdempotencyKey == key)))
        {
            return;
        }
        var now = time.GetUtcNow();
        outbox.Add(new OutboxSms
        {
            Id = MonotonicGuid.Next(now),
            IdempotencyKey = key,
            To = message.To,
            Text = text,
            CreatedAt = now,
            Status = OutboxSmsStatus.Pending,
            NextAttemptAt = now,
        });
        if (!listening)
        {
            listening = true;
            db.SavedChanges += (_, _) => signal.Wake();
        }
    }
}

/// <summary>Wakes the SMS dispatcher right after a save that queued messages.</summary>
public sealed class SmsDispatchSignal : Jobs.WakeSignal;
