using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Features.Events;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

/// <summary>The .ics files checked against RFC 5545 by <see cref="IcsDocument"/>, a reader written from the standard.</summary>
public sealed class CalendarFileTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Long_Swedish_texts_are_folded_at_75_octets_escaped_and_read_back_unchanged()
    {
        factory.Clock.Set(Now);
        var title = "Steg mot försörjning – Samverkan i Sigtuna med individen i centrum; åäö, ÅÄÖ och \\ snedstreck 🙂 " + new string('ö', 60);
        var e = await factory.InsertEventAsync(x =>
        {
            x.Title = title;
            x.Summary = "Rad ett,\nrad två; med semikolon.";
            x.IsOnline = false;
            x.JoinUrl = null;
            x.Location = "Kommunhuset, Stationsgatan 2, Sigtuna";
        });
        var email = NewEmail();
        await factory.CreateBrowserClient().RegisterAsync(e, email);
        var registration = await factory.RegistrationAsync(e.Id, email);

        var text = await factory.CreateBrowserClient().GetCalendarFileAsync(registration.CalendarFilePath);
        var ics = IcsDocument.Parse(text);

        Assert.Empty(ics.Problems);
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
        Assert.Equal(title, ics.Event.Text("SUMMARY"));
        Assert.StartsWith("Rad ett,\nrad två; med semikolon.", ics.Event.Text("DESCRIPTION"), StringComparison.Ordinal);
        Assert.Equal("Kommunhuset, Stationsgatan 2, Sigtuna", ics.Event.Text("LOCATION"));
        Assert.Equal(EventCalendarFiles.UidOf(e), ics.Event.Value("UID"));
        Assert.Equal("mailto:kipa@forbund.example.se", ics.Event.Value("ORGANIZER"));
        Assert.Equal("Samordningsförbundet", ics.Event.Properties.Single(p => p.Name == "ORGANIZER").Parameters["CN"]);
        Assert.Equal("Europe/Stockholm", ics.Event.Properties.Single(p => p.Name == "DTSTART").Parameters["TZID"]);
    }

    [Theory]
    [InlineData("2026-11-08T08:00:00Z", "20261108T090000")] // winter: UTC+1
    [InlineData("2027-06-15T07:30:00Z", "20270615T093000")] // summer: UTC+2
    [InlineData("2027-03-28T00:30:00Z", "20270328T013000")] // the night summer time starts, before 02:00
    [InlineData("2027-03-28T01:30:00Z", "20270328T033000")] // …and after
    [InlineData("2026-10-25T00:30:00Z", "20261025T003000Z")] // the night it ends, 02:30 happens twice: written in UTC
    public async Task Times_are_written_in_Swedish_time_and_the_files_own_time_zone_gives_the_same_instant(string utc, string local)
    {
        factory.Clock.Set(Now);
        var start = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var e = await factory.InsertEventAsync(x =>
        {
            x.StartsAt = start;
            x.EndsAt = start.AddHours(1);
            x.RegistrationEnabled = false;
        });
        using var scope = factory.Services.CreateScope();

        var ics = IcsDocument.Parse(scope.ServiceProvider.GetRequiredService<EventCalendarFiles>().Feed([e], "https://forbund.example.se"));

        Assert.Empty(ics.Problems);
        Assert.Equal(local, ics.Event.Value("DTSTART"));
        Assert.Equal(start, ics.Instant(ics.Event, "DTSTART"));
        Assert.Equal(start.AddHours(1), ics.Instant(ics.Event, "DTEND"));
    }

    [Fact]
    public async Task The_public_feed_lists_upcoming_public_events_and_nothing_personal()
    {
        factory.Clock.Set(Now);
        var open = await factory.InsertEventAsync();
        var members = await factory.InsertEventAsync(x => x.Audience = EventAudience.MembersOnly);
        var draft = await factory.InsertEventAsync(x => x.State = EventState.Draft);
        var past = await factory.InsertEventAsync(x => { x.StartsAt = Now.AddDays(-30); x.EndsAt = x.StartsAt.AddHours(1); });

        using var response = await factory.CreateBrowserClient().GetAsync(new Uri(EventsModule.FeedPath, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var ics = IcsDocument.Parse(text);

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Empty(ics.Problems);
        Assert.Equal("PUBLISH", ics.Calendar.Value("METHOD"));
        Assert.NotNull(ics.Calendar.Value("X-WR-CALNAME"));
        var uids = ics.Events.Select(v => v.Value("UID")).ToList();
        Assert.Contains(EventCalendarFiles.UidOf(open), uids);
        Assert.DoesNotContain(EventCalendarFiles.UidOf(members), uids);
        Assert.DoesNotContain(EventCalendarFiles.UidOf(draft), uids);
        Assert.DoesNotContain(EventCalendarFiles.UidOf(past), uids);
        Assert.DoesNotContain(JoinUrl, text, StringComparison.Ordinal);
        Assert.Equal("Online", ics.Events.Single(v => v.Value("UID") == EventCalendarFiles.UidOf(open)).Text("LOCATION"));
    }

    [Fact]
    public void The_reader_catches_what_calendar_programs_choke_on()
    {
        // Guards the guard: a file with a bare LF, an over-long line, a missing UID and an unknown TZID.
        var broken = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//SV\r\n")
            .Append("BEGIN:VEVENT\r\nDTSTAMP:20261124T090000Z\r\n")
            .Append("DTSTART;TZID=Europe/Oslo:20261208T090000\r\n")
            .Append("SUMMARY:").Append(new string('x', 80)).Append("\r\n")
            .Append("END:VEVENT\r\nEND:VCALENDAR\n")
            .ToString();

        var problems = IcsDocument.Parse(broken).Problems;

        Assert.Contains(problems, p => p.StartsWith("bare LF", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line of 88 octets", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs exactly one UID", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("TZID Europe/Oslo", StringComparison.Ordinal));
    }

    [Fact]
    public void Folding_never_splits_a_character()
    {
        var text = new IcsWriter().Begin("VCALENDAR").Text("X-TEST", string.Concat(Enumerable.Repeat("åäö🙂", 40))).End("VCALENDAR").ToString();

        foreach (var line in text.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
            Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)));
            Assert.False(line.Length > 0 && char.IsHighSurrogate(line[^1]), "A line ends in half a surrogate pair.");
        }
        Assert.Equal(string.Concat(Enumerable.Repeat("åäö🙂", 40)), IcsDocument.Parse(text).Calendar.Text("X-TEST"));
    }
}
