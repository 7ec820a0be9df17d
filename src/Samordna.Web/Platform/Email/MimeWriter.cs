using System.Net.Mail;
using System.Text;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Writes an <see cref="OutgoingEmail"/> as RFC 5322 bytes directly (multipart/alternative, UTF-8, quoted-printable,
/// RFC 2047 encoded words), for the pipelined SMTP client. No line of the result starts with a dot, so it goes on
/// the wire without dot-stuffing. <see cref="EmlWriter"/> remains what the File transport and System.Net.Mail use.
/// </summary>
public static class MimeWriter
{
    private const int MaxLine = 76;

    /// <summary>The message's bytes, lines ended by CRLF, without the SMTP terminator.</summary>
    public static byte[] Write(OutgoingEmail email, string from, string fromName)
    {
        ArgumentNullException.ThrowIfNull(email);
        var to = new MailAddress(email.To);
        if (!to.User.All(char.IsAscii))
        {
            throw new EmailRejectedException("Adressen har tecken utanför A–Z före @, vilket inte kan skickas.");
        }
        var boundary = "=_samordna_" + email.OutboxId.ToString("N");
        var text = new StringBuilder(email.TextBody.Length + email.HtmlBody.Length + 2048);
        Header(text, "From", Mailbox(fromName, from));
        Header(text, "To", to.Address);
        Header(text, "Subject", Encode(email.Subject));
        Header(text, "Date", EmlWriter.FormatDate(email.Date));
        Header(text, "Message-ID", email.MessageId);
        Header(text, "MIME-Version", "1.0");
        if (!email.Headers.ContainsKey("Auto-Submitted"))
        {
            Header(text, "Auto-Submitted", "auto-generated");
        }
        foreach (var (name, value) in email.Headers)
        {
            if (!EmlWriter.ReservedHeaders.Contains(name))
            {
                Header(text, name, value.All(c => c is >= ' ' and <= '~') ? value : Encode(value));
            }
        }
        Header(text, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        text.Append("\r\n");
        Part(text, boundary, "text/plain", email.TextBody);
        Part(text, boundary, "text/html", email.HtmlBody);
        text.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void Header(StringBuilder text, string name, string value) =>
        text.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Part(StringBuilder text, string boundary, string type, string body)
    {
        text.Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Type: ").Append(type).Append("; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        QuotedPrintable(text, body);
        text.Append("\r\n");
    }

    private static string Mailbox(string name, string address)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return address;
        }
        var plain = name.All(c => c is >= ' ' and <= '~' and not '"' and not '\\');
        return (plain ? "\"" + name + "\"" : Encode(name)) + " <" + address + ">";
    }

    /// <summary>RFC 2047 encoded words (base64, UTF-8) for a header value with characters outside ASCII; plain otherwise.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return value;
        }
        // Whole characters per word, at most 45 bytes (60 base64 characters), so each folded line stays short.
        var words = new List<string>();
        var chunk = new StringBuilder();
        var bytes = 0;
        var runes = value.EnumerateRunes();
        foreach (var rune in runes)
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
                bytes = 0;
            }
            chunk.Append(rune.ToString());
            bytes += size;
        }
        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }
        return string.Join("\r\n ", words);

        static string Word(string part) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(part)) + "?=";
    }

    /// <summary>
    /// Quoted-printable (RFC 2045) of UTF-8 text: line breaks become CRLF, lines are soft-broken at 76 characters,
    /// trailing blanks and a leading dot are encoded.
    /// </summary>
    public static void QuotedPrintable(StringBuilder output, string body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[i]);
            var length = 0;
            for (var j = 0; j < bytes.Length; j++)
            {
                var b = bytes[j];
                var literal = (b is >= 33 and <= 126 && b != (byte)'=') || (b is (byte)' ' or (byte)'\t' && j < bytes.Length - 1);
                var width = literal ? 1 : 3;
                if (length + width > MaxLine - 1)
                {
                    output.Append("=\r\n");
                    length = 0;
                }
                if (literal && !(b == (byte)'.' && length == 0))
                {
                    output.Append((char)b);
                    length++;
                }
                else
                {
                    output.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                    length += 3;
                }
            }
            if (i < lines.Length - 1)
            {
                output.Append("\r\n");
            }
        }
    }

    private const string Hex = "0123456789ABCDEF";
}
