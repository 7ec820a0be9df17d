namespace Samordna.Web.Platform.Sms;

/// <summary>
/// Delivers one SMS. Throwing means "not delivered, try again later" (the dispatcher retries with back-off), except
/// <see cref="SmsRejectedException"/>, which means it can never be delivered. Returns the provider's id, if any.
/// </summary>
public interface ISmsTransport
{
    Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}

/// <summary>A message as handed to a transport.</summary>
public sealed record OutgoingSms(Guid OutboxId, string From, string To, string Text, DateTimeOffset Date);

/// <summary>The message can never be delivered (the provider refused the number or the text for good): no more retries.</summary>
public sealed class SmsRejectedException : Exception
{
    public SmsRejectedException() { }

    public SmsRejectedException(string message) : base(message) { }

    public SmsRejectedException(string message, Exception innerException) : base(message, innerException) { }
}
