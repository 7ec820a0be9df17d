namespace Samordna.Web.Platform.Email;

/// <summary>
/// Queues e-mail in the same unit of work as the change that causes it: <see cref="Enqueue"/> only adds a row to
/// the caller's DbContext, so the message exists if and only if the caller's SaveChanges commits. A background
/// dispatcher sends it, with retries; the idempotency key makes a second enqueue of the same message a no-op.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}

/// <param name="To">One recipient address.</param>
/// <param name="Subject">Subject line, in Swedish.</param>
/// <param name="HtmlBody">The HTML part (see <c>EmailTemplate</c> for the shared look).</param>
/// <param name="TextBody">The plain-text part.</param>
/// <param name="IdempotencyKey">Stable key for this message, e.g. "invite:{userId}:{n}"; null means a fresh one.</param>
/// <param name="Headers">Extra headers, e.g. List-Unsubscribe.</param>
public sealed record EmailMessage(
    string To,
    string Subject,
    string HtmlBody,
    string TextBody,
    string? IdempotencyKey = null,
    IReadOnlyDictionary<string, string>? Headers = null);
