using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Sms;

/// <summary>
/// The default provider: each message becomes <c>&lt;outbox id&gt;.txt</c> in the SMS folder (a few header lines, a
/// blank line, the text), written to a temporary file and moved into place; a re-send replaces the earlier copy.
/// Administrators read the same messages in the viewer at /admin/e-post/sms.
/// </summary>
public sealed class FileSmsTransport(IOptions<SmsOptions> options) : ISmsTransport
{
    public async Task<string?> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var directory = options.Value.Directory;
        var scratch = Path.Combine(directory, ".tmp");
        System.IO.Directory.CreateDirectory(scratch);
        var text = new StringBuilder()
            .Append("From: ").Append(sms.From).Append('\n')
            .Append("To: ").Append(sms.To).Append('\n')
            .Append("Date: ").Append(sms.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n')
            .Append("Id: ").Append(sms.OutboxId.ToString()).Append('\n')
            .Append('\n')
            .Append(sms.Text).Append('\n')
            .ToString();
        var temporary = Path.Combine(scratch, $"{sms.OutboxId:N}.{Guid.NewGuid():N}.part");
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, PathOf(sms.OutboxId), overwrite: true);
        return null;
    }

    public string PathOf(Guid outboxId) => Path.Combine(options.Value.Directory, $"{outboxId}.txt");
}
