using System.Globalization;
using System.Text;

namespace Samordna.Web.Features.Events;

/// <summary>
/// Writes iCalendar (RFC 5545) by hand, as no iCalendar package is available here: CRLF line ends, lines folded at
/// 75 octets without splitting a UTF-8 character, TEXT values escaped, parameter values quoted when they must be.
/// </summary>
public sealed class IcsWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder text = new();

    /// <summary>BEGIN:<paramref name="component"/>.</summary>
    public IcsWriter Begin(string component) => Line("BEGIN:" + component);

    public IcsWriter End(string component) => Line("END:" + component);

    /// <summary>A property whose value is written as it is (URIs, dates, numbers, enumerated values).</summary>
    public IcsWriter Raw(string name, string value, params (string Name, string Value)[] parameters)
    {
        var line = new StringBuilder(name);
        foreach (var (parameterName, parameterValue) in parameters)
        {
            line.Append(';').Append(parameterName).Append('=').Append(ParameterValue(parameterValue));
        }
        line.Append(':').Append(value);
        return Line(line.ToString());
    }

    /// <summary>A TEXT property: backslash, semicolon, comma and line breaks escaped (RFC 5545 section 3.3.11).</summary>
    public IcsWriter Text(string name, string value, params (string Name, string Value)[] parameters) =>
        Raw(name, EscapeText(value), parameters);

    /// <summary>A UTC DATE-TIME, e.g. 20261108T080000Z.</summary>
    public IcsWriter Utc(string name, DateTimeOffset instant) =>
        Raw(name, instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A local DATE-TIME with a TZID that refers to a VTIMEZONE in the same file.</summary>
    public IcsWriter Local(string name, DateTime wallClock, string tzid) =>
        Raw(name, wallClock.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), ("TZID", tzid));

    /// <summary>
    /// An instant as local time in <paramref name="zone"/> with its TZID; but in UTC for the hour that happens twice
    /// when summer time ends, since a local time there is read as its first occurrence (RFC 5545 section 3.3.5).
    /// </summary>
    public IcsWriter Zoned(string name, DateTimeOffset instant, TimeZoneInfo zone, string tzid)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return zone.IsAmbiguousTime(local) ? Utc(name, instant) : Local(name, local, tzid);
    }

    public override string ToString() => text.ToString();

    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value.ReplaceLineEndings("\n"))
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\n': escaped.Append(@"\n"); break;
                default:
                    // Other control characters are not allowed in TEXT.
                    if (!char.IsControl(c) || c == '\t')
                    {
                        escaped.Append(c);
                    }
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>A parameter value: quoted when it holds ":", ";" or ","; a double quote cannot appear at all.</summary>
    private static string ParameterValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    private IcsWriter Line(string line)
    {
        // Fold: at most 75 octets per physical line; continuation lines start with one space (which counts).
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var width = char.IsHighSurrogate(c) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(c.ToString());
            if (octets + width > MaxOctets)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(c);
            if (width == 4)
            {
                text.Append(line[++i]);
            }
            octets += width;
        }
        text.Append("\r\n");
        return this;
    }
}
