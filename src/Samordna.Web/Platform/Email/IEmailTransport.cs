namespace Samordna.Web.Platform.Email;

/// <summary>
/// Delivers one message. Throwing means "not delivered, try again later" (the dispatcher retries with back-off),
/// except <see cref="EmailRejectedException"/>, which means it can never be delivered. A transport may be asked to
/// send the same message twice (after a crash); it carries the same Message-ID, and the file transport overwrites.
/// </summary>
public interface IEmailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>A message as handed to a transport: the outbox row plus the headers the dispatcher decided.</summary>
public sealed record OutgoingEmail(
    Guid OutboxId,
    string MessageId,
    DateTimeOffset Date,
    string To,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>The message can never be delivered (e.g. the server refused the recipient for good): no more retries.</summary>
public sealed class EmailRejectedException : Exception
{
    public EmailRejectedException() { }

    public EmailRejectedException(string message) : base(message) { }

    public EmailRejectedException(string message, Exception innerException) : base(message, innerException) { }
}
