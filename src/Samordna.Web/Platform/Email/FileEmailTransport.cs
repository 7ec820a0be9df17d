using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// The default transport: each message becomes <c>&lt;outbox id&gt;.eml</c> in the mail folder, written to a
/// temporary file and moved into place, so a reader never sees half a file and a re-send replaces the earlier copy.
/// </summary>
public sealed class FileEmailTransport(EmlWriter writer, IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var bytes = await writer.RenderAsync(email, cancellationToken);
        var temporary = Path.Combine(writer.TemporaryDirectory(), $"{email.OutboxId:N}.{Guid.NewGuid():N}.part");
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, PathOf(email.OutboxId), overwrite: true);
    }

    /// <summary>Where the message with this outbox id is (or would be) written.</summary>
    public string PathOf(Guid outboxId) => Path.Combine(options.Value.Directory, $"{outboxId}.eml");
}
