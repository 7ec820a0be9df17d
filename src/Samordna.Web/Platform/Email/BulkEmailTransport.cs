using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// The transport for bulk mail (newsletter campaigns), which sends many messages over parallel connections: with
/// Email:Transport=Smtp the pipelined client (<see cref="PipelinedSmtpTransport"/>), otherwise the File transport.
/// Transactional mail keeps going through the outbox and <see cref="IEmailTransport"/>.
/// </summary>
public sealed class BulkEmailTransport(IOptions<EmailOptions> options, FileEmailTransport files, PipelinedSmtpTransport smtp) : IEmailTransport
{
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
        options.Value.UsesSmtpTransport ? smtp.SendAsync(email, cancellationToken) : files.SendAsync(email, cancellationToken);
}
