using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Samordna.Tests.Platform.Email;

/// <summary>
/// A small, independent reader of the .eml files the application writes (MimeKit is not available): unfolds and
/// decodes headers (RFC 2047), splits multipart bodies and decodes quoted-printable and base64 parts. Written from
/// the RFCs rather than with System.Net.Mail, so it checks the writer instead of repeating it.
/// </summary>
public sealed partial class EmlFile
{
    private EmlFile(List<KeyValuePair<string, string>> rawHeaders, string body)
    {
        RawHeaders = rawHeaders;
        Body = body;
    }

    /// <summary>Header fields as written (unfolded, not decoded), in order.</summary>
    public List<KeyValuePair<string, string>> RawHeaders { get; }

    /// <summary>The body as written (transfer-encoded).</summary>
    public string Body { get; }

    public static EmlFile Parse(byte[] bytes)
    {
        var text = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain('\uFFFD', text); // every byte of a 7-bit message is ASCII
        return Parse(text);
    }

    private static EmlFile Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "A MIME entity needs a header block ended by an empty line.");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in text[..end].Split("\r\n"))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                headers[^1] = new(headers[^1].Key, headers[^1].Value + line);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"Not a header field: {line}");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        return new EmlFile(headers, text[(end + 4)..]);
    }

    public string? Raw(string name) => RawHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public int Count(string name) => RawHeaders.Count(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A header's value with RFC 2047 encoded words decoded.</summary>
    public string? Header(string name) => Raw(name) is { } raw ? DecodeWords(raw) : null;

    public string MediaType => (Raw("Content-Type") ?? "text/plain").Split(';')[0].Trim().ToLowerInvariant();

    public string? Parameter(string name)
    {
        var match = Regex.Match(Raw("Content-Type") ?? "", $@";\s*{name}=(""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    /// <summary>The parts of a multipart entity.</summary>
    public IReadOnlyList<EmlFile> Parts()
    {
        Assert.StartsWith("multipart/", MediaType, StringComparison.Ordinal);
        var boundary = Parameter("boundary") ?? throw new InvalidOperationException("multipart without boundary");
        var delimiter = "--" + boundary;
        Assert.Contains(delimiter + "--", Body, StringComparison.Ordinal);
        var inner = Body[..Body.IndexOf(delimiter + "--", StringComparison.Ordinal)];
        return inner.Split(delimiter)
            .Skip(1) // the preamble
            .Select(part => Parse(part.StartsWith("\r\n", StringComparison.Ordinal) ? part[2..] : part))
            .ToList();
    }

    /// <summary>The body decoded from its transfer encoding and charset.</summary>
    public string DecodedBody()
    {
        var charset = Parameter("charset") ?? "us-ascii";
        var body = Body.EndsWith("\r\n", StringComparison.Ordinal) ? Body[..^2] : Body;
        var bytes = (Raw("Content-Transfer-Encoding") ?? "7bit").ToLowerInvariant() switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)),
            _ => Encoding.ASCII.GetBytes(body),
        };
        return Encoding.GetEncoding(charset).GetString(bytes);
    }

    private static byte[] QuotedPrintable(string text)
    {
        var output = new List<byte>();
        var soft = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && IsHex(soft[i + 1]) && IsHex(soft[i + 2]))
            {
                output.Add(byte.Parse(soft.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                output.Add((byte)soft[i]);
            }
        }
        return [.. output];
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static string DecodeWords(string value)
    {
        // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 section 6.2).
        var joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var payload = m.Groups["text"].Value;
            var bytes = string.Equals(m.Groups["enc"].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload)
                : QuotedPrintable(payload.Replace('_', ' '));
            return encoding.GetString(bytes);
        });
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
