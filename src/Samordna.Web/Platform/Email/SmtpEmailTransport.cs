using System.Collections.Concurrent;
using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Sends through an SMTP server with System.Net.Mail. Clients are pooled (one per parallel send) and a client is
/// dropped after any error, since its connection state is then unknown.
/// </summary>
public sealed class SmtpEmailTransport(EmlWriter writer, IOptions<EmailOptions> options) : IEmailTransport, IDisposable
{
    private readonly ConcurrentBag<SmtpClient> idle = [];

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var message = writer.Compose(email);
        var settings = options.Value.Smtp;
        var client = idle.TryTake(out var pooled) ? pooled : Create(settings);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"The SMTP server {settings.Host}:{settings.Port} did not answer within {settings.TimeoutSeconds} seconds.");
        }
        catch (SmtpFailedRecipientException ex) when ((int)ex.StatusCode is >= 500 and < 600)
        {
            client.Dispose();
            throw new EmailRejectedException($"The SMTP server refused the recipient for good ({(int)ex.StatusCode}): {ex.Message}", ex);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        if (idle.Count < options.Value.MaxParallelSends)
        {
            idle.Add(client);
        }
        else
        {
            client.Dispose();
        }
    }

    private static SmtpClient Create(SmtpSettings settings) => new()
    {
        Host = settings.Host,
        Port = settings.Port,
        EnableSsl = settings.EnableSsl,
        DeliveryMethod = SmtpDeliveryMethod.Network,
        Timeout = settings.TimeoutSeconds * 1000,
        Credentials = string.IsNullOrEmpty(settings.UserName) ? null : new NetworkCredential(settings.UserName, settings.Password),
    };

    public void Dispose()
    {
        while (idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }
}
