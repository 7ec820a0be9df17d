using System.Globalization;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Turns an outgoing e-mail into a MIME message with System.Net.Mail (MimeKit is not available here):
/// multipart/alternative with a text and an HTML part, UTF-8, quoted-printable, RFC 2047 encoded headers.
/// </summary>
public sealed class EmlWriter(IOptions<EmailOptions> options)
{
    /// <summary>Headers the platform sets itself; callers may not pass them in <see cref="EmailMessage.Headers"/>.</summary>
    public static readonly IReadOnlySet<string> ReservedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Sender", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Return-Path", "Received",
        "X-Sender", "X-Receiver",
    };

    private EmailOptions Options => options.Value;

    /// <summary>
    /// The Message-ID of the message with this idempotency key: the same key gives the same id, so a message sent
    /// again after a crash is recognisable (and mail systems that deduplicate on Message-ID drop the copy).
    /// </summary>
    public string MessageIdFor(string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return $"<{Convert.ToHexStringLower(hash)[..32]}.outbox@{SenderDomain()}>";
    }

    public MailMessage Compose(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var to = new MailAddress(email.To);
        if (!to.User.All(char.IsAscii))
        {
            // System.Net.Mail can only put such an address on the wire with SMTPUTF8, which would also send every
            // header as raw UTF-8; practically no Swedish mailbox has one, so refuse it for good rather than retry.
            throw new EmailRejectedException("Adressen har tecken utanför A–Z före @, vilket inte kan skickas.");
        }

        var message = new MailMessage
        {
            From = new MailAddress(Options.From, Options.FromName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = email.TextBody,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        message.To.Add(to);
        var html = AlternateView.CreateAlternateViewFromString(email.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(html);

        message.Headers.Add("Message-ID", email.MessageId);
        // RFC 3834: tells auto-responders ("out of office") not to answer.
        if (!email.Headers.ContainsKey("Auto-Submitted"))
        {
            message.Headers.Add("Auto-Submitted", "auto-generated");
        }
        foreach (var (name, value) in email.Headers)
        {
            if (string.Equals(name, "Reply-To", StringComparison.OrdinalIgnoreCase))
            {
                message.ReplyToList.Add(new MailAddress(value));
            }
            else if (!ReservedHeaders.Contains(name))
            {
                message.Headers.Add(name, value);
            }
        }
        return message;
    }

    /// <summary>
    /// The message as the bytes of an .eml file (RFC 5322). System.Net.Mail writes it through a pickup folder; the
    /// Date header is then set from <see cref="OutgoingEmail.Date"/> and the pickup folder's envelope lines removed.
    /// </summary>
    public async Task<byte[]> RenderAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        using var message = Compose(email);
        var pickup = Path.Combine(TemporaryDirectory(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(pickup);
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = pickup })
            {
                await client.SendMailAsync(message, cancellationToken);
            }
            var file = Directory.GetFiles(pickup).Single();
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            return FixHeaders(bytes, email.Date);
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }

    /// <summary>Scratch space inside the mail folder, so a finished file can be moved into place atomically.</summary>
    public string TemporaryDirectory()
    {
        var path = Path.Combine(Options.Directory, ".tmp");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>RFC 5322 date-time, e.g. "Tue, 24 Nov 2026 09:00:00 +0000".</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private string SenderDomain()
    {
        var host = MailAddress.TryCreate(Options.From, out var from) ? from.Host : "localhost";
        return new IdnMapping().GetAscii(host);
    }

    private static byte[] FixHeaders(byte[] bytes, DateTimeOffset date)
    {
        // Latin-1 maps every byte to one char and back, so the body passes through untouched.
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException("System.Net.Mail wrote a message without a header block.");
        }
        var fields = new List<string>();
        foreach (var line in text[..end].Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && fields.Count > 0)
            {
                fields[^1] += "\r\n" + line;
            }
            else
            {
                fields.Add(line);
            }
        }
        static bool Named(string field, string name) => field.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase);
        fields.RemoveAll(f => Named(f, "X-Sender") || Named(f, "X-Receiver") || Named(f, "Date"));
        var at = fields.FindIndex(f => Named(f, "Message-ID"));
        fields.Insert(at + 1, "Date: " + FormatDate(date));
        return Encoding.Latin1.GetBytes(string.Join("\r\n", fields) + text[end..]);
    }
}
