using System.Globalization;
using System.Text;

namespace Samordna.Web.Features.Documents;

/// <summary>
/// Writes a small but valid PDF 1.4: one A4 page of text in Helvetica (WinAnsiEncoding, so å, ä, ö and é print), with
/// the title in the document information and the language set to Swedish. Enough for demo content and tests; real
/// documents come from the editors' own tools.
/// </summary>
public static class SimplePdf
{
    private const int Left = 56;
    private const int Top = 780;
    private const int LineHeight = 15;
    private const int MaxLineLength = 88;
    private const int MaxLines = 48;

    private static readonly Encoding WinAnsi = Encoding.Latin1;

    /// <summary>A PDF with <paramref name="title"/> as its heading and <paramref name="paragraphs"/> below, word-wrapped.</summary>
    public static byte[] Create(string title, IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var content = new StringBuilder();
        content.Append(CultureInfo.InvariantCulture, $"BT /F2 16 Tf {Left} {Top} Td ({Escape(title)}) Tj ET\n");
        var y = Top - (2 * LineHeight);
        var lines = 0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var line in Wrap(paragraph))
            {
                if (lines++ >= MaxLines)
                {
                    break;
                }
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 11 Tf {Left} {y} Td ({Escape(line)}) Tj ET\n");
                y -= LineHeight;
            }
            y -= LineHeight / 2;
        }
        var stream = WinAnsi.GetBytes(content.ToString());

        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R /Lang (sv-SE) /ViewerPreferences << /DisplayDocTitle true >> >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
            Concat(Ascii(string.Create(CultureInfo.InvariantCulture, $"<< /Length {stream.Length} >>\nstream\n")), stream, Ascii("\nendstream")),
            Concat(Ascii("<< /Title ("), WinAnsi.GetBytes(Escape(title)), Ascii(") /Producer (Samordna) >>")),
        };

        using var output = new MemoryStream();
        Write(output, Ascii("%PDF-1.4\n"));
        Write(output, [(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // Marks the file as binary for transfer tools.
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write(output, Ascii(string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n")));
            Write(output, objects[i]);
            Write(output, Ascii("\nendobj\n"));
        }
        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info {objects.Count} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, Ascii(table.ToString()));
        return output.ToArray();
    }

    private static IEnumerable<string> Wrap(string paragraph)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > MaxLineLength)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>A PDF literal string's content: backslash, parentheses escaped; what WinAnsi cannot show becomes "?".</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '(' or ')':
                    builder.Append('\\').Append(c);
                    break;
                case '–' or '—':
                    builder.Append('-');
                    break;
                case '”' or '“':
                    builder.Append('"');
                    break;
                case < ' ':
                    builder.Append(' ');
                    break;
                case > 'ÿ':
                    builder.Append('?');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static void Write(Stream stream, byte[] bytes) => stream.Write(bytes, 0, bytes.Length);
}
