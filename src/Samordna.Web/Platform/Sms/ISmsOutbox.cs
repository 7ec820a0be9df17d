namespace Samordna.Web.Platform.Sms;

/// <summary>
/// Queues an SMS in the same unit of work as the change that causes it: <see cref="Enqueue"/> only adds a row to the
/// caller's DbContext, so the message exists if and only if the caller's SaveChanges commits. A background dispatcher
/// sends it, with retries; the idempotency key makes a second enqueue of the same message a no-op.
/// </summary>
public interface ISmsOutbox
{
    void Enqueue(SmsMessage message);
}

/// <param name="To">A Swedish mobile number in international form, +467xxxxxxxx (see <see cref="SwedishMobileNumber"/>).</param>
/// <param name="Text">Plain text, Swedish, short: one or two segments (about 300 characters at most).</param>
/// <param name="IdempotencyKey">Stable key for this message, e.g. "dropin-invite:{submission}"; null means a fresh one.</param>
public sealed record SmsMessage(string To, string Text, string? IdempotencyKey = null);
