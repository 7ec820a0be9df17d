using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Features.Events;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class DemoCalendarTests(DemoCalendarTests.DemoFactory factory) : IClassFixture<DemoCalendarTests.DemoFactory>
{
    public sealed class DemoFactory : EventsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings => [new("Samordna:SeedDemoContent", "true")];
    }

    private static readonly DateTimeOffset Today = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_demo_has_the_three_November_webinars_with_their_times_and_deadlines()
    {
        var events = await factory.WithDbAsync(db => db.Set<CalendarEvent>().AsNoTracking().ToListAsync(Ct));

        var af = events.Single(e => e.Title.Contains("Hur vet vi behovet utan användaren?", StringComparison.Ordinal));
        var redCross = events.Single(e => e.Title.Contains("Mitt hjärtas syster", StringComparison.Ordinal));
        var sigtuna = events.Single(e => e.Title.StartsWith("Steg mot försörjning", StringComparison.Ordinal));
        Assert.Equal("måndag 9 november 2026 kl. 09.00–10.00", EventTime.Describe(af));
        Assert.Equal("2 november 2026 kl. 23.59", EventTime.Moment(af.RegistrationClosesAt!.Value));
        Assert.Equal("tisdag 17 november 2026 kl. 09.00–10.00", EventTime.Describe(redCross));
        Assert.Equal("11 november 2026 kl. 23.59", EventTime.Moment(redCross.RegistrationClosesAt!.Value));
        Assert.Equal("måndag 30 november 2026 kl. 09.00–10.00", EventTime.Describe(sigtuna));
        Assert.Equal("24 november 2026 kl. 23.59", EventTime.Moment(sigtuna.RegistrationClosesAt!.Value));
        Assert.All([af, redCross, sigtuna], e => Assert.Equal(EventKind.Webinar, e.Kind));

        var asf = events.Single(e => e.Kind == EventKind.Mingle && e.StartsAt.Year == 2020);
        Assert.Equal(EventState.Postponed, asf.State);
        Assert.True(asf.NewDateToBeAnnounced);
        Assert.Contains("hösten 2020", asf.Notice, StringComparison.Ordinal);
        Assert.Equal(3, events.Count(e => e.Title.StartsWith("UVAS-workshop", StringComparison.Ordinal) && e.Audience == EventAudience.InviteOnly));
        Assert.Contains(events, e => e.Kind == EventKind.BreakfastMeeting && e.StartsAt > Today);
        Assert.True(events.Count(e => e.StartsAt > Today && e.Audience == EventAudience.Public) >= 3, "The calendar should not be empty.");
    }

    [Fact]
    public async Task On_27_November_2026_the_first_two_webinars_are_in_the_archive_and_the_third_is_closed_for_registration()
    {
        factory.Clock.Set(Today);
        var visitor = factory.CreateBrowserClient();

        var (_, calendar) = await visitor.GetHtmlAsync("/kalender");
        var (_, archive) = await visitor.GetHtmlAsync("/kalender/arkiv");
        var (response, sigtuna) = await visitor.GetHtmlAsync("/kalender/2026-11-30-steg-mot-forsorjning");
        var (_, asf) = await visitor.GetHtmlAsync("/kalender/2020-03-19-eftermiddagsmingel-asf");

        var upcoming = calendar.QuerySelectorAll(".event-title").Select(t => t.TextContent).ToList();
        var past = archive.QuerySelectorAll(".event-title").Select(t => t.TextContent).ToList();
        Assert.Contains(past, t => t.Contains("Hur vet vi behovet", StringComparison.Ordinal));
        Assert.Contains(past, t => t.Contains("Mitt hjärtas syster", StringComparison.Ordinal));
        Assert.Contains(upcoming, t => t.StartsWith("Steg mot försörjning", StringComparison.Ordinal));
        Assert.DoesNotContain(upcoming, t => t.Contains("UVAS", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Anmälan stängde 24 november 2026 kl. 23.59", sigtuna.Text("#registration-closed"), StringComparison.Ordinal);
        Assert.Contains("Vi återkommer med nytt datum.", asf.Text("#event-state"), StringComparison.Ordinal);
        Assert.Contains(archive.QuerySelectorAll(".event-card"), c => c.TextContent.Contains("Eftermiddagsmingel", StringComparison.Ordinal)
            && c.TextContent.Contains("Uppskjutet", StringComparison.Ordinal));
    }
}
