using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Samordna.Tests.Features.Events;

/// <summary>
/// A small, strict iCalendar (RFC 5545) reader for the tests, written from the standard rather than from our writer:
/// it insists on CRLF line ends and 75-octet lines, unfolds continuation lines, parses parameters (quoted or not),
/// builds the component tree from BEGIN/END, and resolves local times through the file's own VTIMEZONE rules.
/// <see cref="Problems"/> lists every way the file breaks the rules that calendar programs rely on.
/// </summary>
internal sealed partial class IcsDocument
{
    private IcsDocument(IcsComponent root, List<string> problems)
    {
        Calendar = root;
        Problems = problems;
    }

    public IcsComponent Calendar { get; }

    public List<string> Problems { get; }

    public IEnumerable<IcsComponent> Events => Calendar.Children.Where(c => c.Name == "VEVENT");

    public IcsComponent Event => Assert.Single(Events);

    public static IcsDocument Parse(string text)
    {
        var problems = new List<string>();
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            problems.Add("the file does not end with CRLF");
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            {
                problems.Add($"bare LF at offset {i}");
                break;
            }
            if (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                problems.Add($"bare CR at offset {i}");
                break;
            }
        }
        var physical = text.Split("\r\n");
        foreach (var line in physical)
        {
            var octets = Encoding.UTF8.GetByteCount(line);
            if (octets > 75)
            {
                problems.Add($"line of {octets} octets (more than 75): {line}");
            }
        }

        // Unfold: a line starting with a space or tab continues the previous one (RFC 5545 section 3.1).
        var logical = new List<string>();
        foreach (var line in physical.Take(physical.Length - 1))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (logical.Count == 0)
                {
                    problems.Add("the file starts with a continuation line");
                    continue;
                }
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in logical)
        {
            if (line.Length == 0)
            {
                problems.Add("empty content line");
                continue;
            }
            var property = ParseLine(line, problems);
            if (property is null)
            {
                continue;
            }
            if (property.Name == "BEGIN")
            {
                var component = new IcsComponent(property.Value.ToUpperInvariant());
                if (stack.Count == 0)
                {
                    if (root is not null)
                    {
                        problems.Add("more than one top-level component");
                    }
                    root = component;
                }
                else
                {
                    stack.Peek().Children.Add(component);
                }
                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                if (stack.Count == 0 || !string.Equals(stack.Peek().Name, property.Value, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"END:{property.Value} does not close {(stack.Count == 0 ? "anything" : stack.Peek().Name)}");
                }
                else
                {
                    stack.Pop();
                }
            }
            else if (stack.Count == 0)
            {
                problems.Add($"property {property.Name} outside any component");
            }
            else
            {
                stack.Peek().Properties.Add(property);
            }
        }
        if (stack.Count > 0)
        {
            problems.Add($"{stack.Peek().Name} is never closed");
        }
        if (root is null || root.Name != "VCALENDAR")
        {
            problems.Add("the file is not one VCALENDAR");
            root ??= new IcsComponent("VCALENDAR");
        }
        var document = new IcsDocument(root, problems);
        document.CheckRequiredProperties();
        return document;
    }

    private static IcsProperty? ParseLine(string line, List<string> problems)
    {
        // name *(";" param) ":" value, where a quoted parameter value may hold ":" and ";".
        var match = ContentLine().Match(line);
        if (!match.Success)
        {
            problems.Add($"not a content line: {line}");
            return null;
        }
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Capture capture in match.Groups["param"].Captures)
        {
            var equals = capture.Value.IndexOf('=', StringComparison.Ordinal);
            var value = capture.Value[(equals + 1)..];
            parameters[capture.Value[..equals]] = value.StartsWith('"') ? value.Trim('"') : value;
        }
        return new IcsProperty(match.Groups["name"].Value.ToUpperInvariant(), parameters, match.Groups["value"].Value);
    }

    private void CheckRequiredProperties()
    {
        var calendar = Calendar;
        if (calendar.All("PRODID").Count != 1)
        {
            Problems.Add("VCALENDAR needs exactly one PRODID");
        }
        if (calendar.Value("VERSION") != "2.0")
        {
            Problems.Add("VCALENDAR needs VERSION:2.0");
        }
        var zones = calendar.Children.Where(c => c.Name == "VTIMEZONE").ToList();
        foreach (var zone in zones)
        {
            if (zone.Value("TZID") is null)
            {
                Problems.Add("VTIMEZONE without TZID");
            }
            var observances = zone.Children.Where(c => c.Name is "STANDARD" or "DAYLIGHT").ToList();
            if (observances.Count == 0)
            {
                Problems.Add($"VTIMEZONE {zone.Value("TZID")} has no STANDARD or DAYLIGHT");
            }
            foreach (var observance in observances)
            {
                foreach (var required in new[] { "DTSTART", "TZOFFSETFROM", "TZOFFSETTO" })
                {
                    if (observance.Value(required) is null)
                    {
                        Problems.Add($"{observance.Name} in {zone.Value("TZID")} lacks {required}");
                    }
                }
            }
        }
        var method = calendar.Value("METHOD");
        foreach (var vevent in Events)
        {
            foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART" })
            {
                if (vevent.All(required).Count != 1)
                {
                    Problems.Add($"VEVENT needs exactly one {required}");
                }
            }
            if (vevent.Value("DTSTAMP") is { } stamp && !UtcDateTime().IsMatch(stamp))
            {
                Problems.Add($"DTSTAMP must be a UTC date-time, not {stamp}");
            }
            if (vevent.Value("SEQUENCE") is { } sequence && !int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Problems.Add($"SEQUENCE is not a non-negative integer: {sequence}");
            }
            if (vevent.Value("STATUS") is { } status && status is not ("TENTATIVE" or "CONFIRMED" or "CANCELLED"))
            {
                Problems.Add($"STATUS {status} is not a VEVENT status");
            }
            if (method == "CANCEL" && vevent.Value("STATUS") != "CANCELLED")
            {
                Problems.Add("METHOD:CANCEL with a VEVENT that is not STATUS:CANCELLED");
            }
            foreach (var property in vevent.Properties)
            {
                if (property.Parameters.TryGetValue("TZID", out var tzid) && !zones.Any(z => z.Value("TZID") == tzid))
                {
                    Problems.Add($"{property.Name} refers to TZID {tzid}, which has no VTIMEZONE in the file");
                }
            }
            if (vevent.All("DTSTART").Count == 1 && vevent.All("DTEND").Count == 1 && Instant(vevent, "DTEND") <= Instant(vevent, "DTSTART"))
            {
                Problems.Add("DTEND is not after DTSTART");
            }
        }
    }

    /// <summary>The UTC instant of a DATE-TIME property: UTC form, or local time with a TZID resolved through the file's VTIMEZONE.</summary>
    public DateTimeOffset Instant(IcsComponent component, string name)
    {
        var property = component.Properties.Single(p => p.Name == name);
        var value = property.Value;
        if (value.EndsWith('Z'))
        {
            return DateTimeOffset.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
        var local = DateTime.ParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var tzid = property.Parameters["TZID"];
        var zone = Calendar.Children.Single(c => c.Name == "VTIMEZONE" && c.Value("TZID") == tzid);
        var offset = OffsetAt(zone, local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// The UTC offset in force at a local time: the observance whose most recent onset (from DTSTART and a yearly
    /// RRULE with BYMONTH and BYDAY such as -1SU) is latest. Enough for zones written like Europe/Stockholm's.
    /// </summary>
    private static TimeSpan OffsetAt(IcsComponent zone, DateTime local)
    {
        DateTime? best = null;
        var offset = TimeSpan.Zero;
        foreach (var observance in zone.Children.Where(c => c.Name is "STANDARD" or "DAYLIGHT"))
        {
            var start = DateTime.ParseExact(observance.Value("DTSTART")!, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            var rule = (observance.Value("RRULE") ?? "").Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
            foreach (var year in new[] { local.Year - 1, local.Year })
            {
                var onset = rule.TryGetValue("FREQ", out var freq) && freq == "YEARLY"
                    ? Onset(year, int.Parse(rule["BYMONTH"], CultureInfo.InvariantCulture), rule["BYDAY"], start.TimeOfDay)
                    : start;
                if (onset <= local && onset >= start && (best is null || onset > best))
                {
                    best = onset;
                    offset = ParseOffset(observance.Value("TZOFFSETTO")!);
                }
            }
        }
        return best is null ? throw new InvalidOperationException($"No observance of {zone.Value("TZID")} covers {local:s}.") : offset;
    }

    private static DateTime Onset(int year, int month, string byDay, TimeSpan time)
    {
        var match = ByDay().Match(byDay);
        var nth = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var weekday = match.Groups["day"].Value switch
        {
            "SU" => DayOfWeek.Sunday, "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday,
            "TH" => DayOfWeek.Thursday, "FR" => DayOfWeek.Friday, _ => DayOfWeek.Saturday,
        };
        var days = Enumerable.Range(1, DateTime.DaysInMonth(year, month)).Select(d => new DateTime(year, month, d)).Where(d => d.DayOfWeek == weekday).ToList();
        var day = nth > 0 ? days[nth - 1] : days[^-nth];
        return day + time;
    }

    private static TimeSpan ParseOffset(string value)
    {
        var sign = value[0] == '-' ? -1 : 1;
        return sign * new TimeSpan(int.Parse(value[1..3], CultureInfo.InvariantCulture), int.Parse(value[3..5], CultureInfo.InvariantCulture), 0);
    }

    /// <summary>A TEXT value with its escapes undone.</summary>
    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                text.Append(value[i]);
            }
        }
        return text.ToString();
    }

    [GeneratedRegex("""^(?<name>[A-Za-z0-9-]+)(;(?<param>[A-Za-z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*))*:(?<value>.*)$""")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex UtcDateTime();

    [GeneratedRegex(@"^(?<n>[+-]?\d)(?<day>SU|MO|TU|WE|TH|FR|SA)$")]
    private static partial Regex ByDay();
}

internal sealed record IcsProperty(string Name, Dictionary<string, string> Parameters, string Value);

internal sealed class IcsComponent(string name)
{
    public string Name { get; } = name;

    public List<IcsProperty> Properties { get; } = [];

    public List<IcsComponent> Children { get; } = [];

    public List<IcsProperty> All(string name) => Properties.Where(p => p.Name == name).ToList();

    public string? Value(string name) => Properties.FirstOrDefault(p => p.Name == name)?.Value;

    public string? Text(string name) => Value(name) is { } value ? IcsDocument.Unescape(value) : null;
}
