using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class CancelAndPostponeTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private async Task<(CalendarEvent Event, string Confirmed, string Waiting)> EventWithPeopleAsync()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var confirmed = NewEmail("plats");
        var waiting = NewEmail("vantar");
        await factory.CreateBrowserClient().RegisterAsync(e, confirmed);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.CreateBrowserClient().RegisterAsync(e, waiting);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return (e, confirmed, waiting);
    }

    [Fact]
    public async Task A_cancelled_event_shows_Installt_and_everyone_is_told_with_a_cancelling_calendar_file()
    {
        var (e, confirmed, waiting) = await EventWithPeopleAsync();
        var editor = await factory.SignInAsEditorAsync();

        var response = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/stall-in", new() { ["Notice"] = "Föreläsaren är sjuk." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cancelled = await factory.EventAsync(e.Id);
        Assert.Equal(EventState.Cancelled, cancelled.State);
        Assert.Equal(e.Sequence + 1, cancelled.Sequence);

        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync(e.Path);
        Assert.Contains("Inställt", page.Text("#event-state"), StringComparison.Ordinal);
        Assert.Contains("Föreläsaren är sjuk.", page.Text("#event-state"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(RegistrationForm));
        var (_, calendar) = await factory.CreateBrowserClient().GetHtmlAsync("/kalender");
        Assert.Contains("Inställt", calendar.QuerySelectorAll(".event-card").Single(c => c.TextContent.Contains(e.Title, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        foreach (var email in new[] { confirmed, waiting })
        {
            var mail = (await factory.SentMailsToAsync(email))[^1];
            Assert.Equal($"Inställt: {e.Title}", mail.Subject);
            Assert.Contains("Föreläsaren är sjuk.", mail.TextBody, StringComparison.Ordinal);
            var registration = await factory.RegistrationAsync(e.Id, email);
            var ics = IcsDocument.Parse(await factory.CreateBrowserClient().GetCalendarFileAsync(mail.ExactLink(registration.CalendarFilePath)));
            Assert.Empty(ics.Problems);
            Assert.Equal("CANCEL", ics.Calendar.Value("METHOD"));
            Assert.Equal("CANCELLED", ics.Event.Value("STATUS"));
            Assert.DoesNotContain(JoinUrl, ics.Event.Text("DESCRIPTION"), StringComparison.Ordinal);
        }
        var feed = IcsDocument.Parse(await factory.CreateBrowserClient().GetCalendarFileAsync(EventsModule.FeedPath));
        Assert.Equal("CANCELLED", feed.Events.Single(v => v.Value("UID") == EventCalendarFiles.UidOf(e)).Value("STATUS"));

        var again = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/stall-in", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_postponed_event_with_a_new_date_keeps_the_registrations_and_sends_the_updated_calendar_file()
    {
        var (e, confirmed, waiting) = await EventWithPeopleAsync();
        var editor = await factory.SignInAsEditorAsync();
        var before = await factory.RegistrationAsync(e.Id, confirmed);
        var oldIcs = IcsDocument.Parse(await factory.CreateBrowserClient().GetCalendarFileAsync(before.CalendarFilePath));

        var response = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/skjut-upp", new()
        {
            ["Input.Choice"] = "nytt-datum",
            ["Input.StartsAt"] = "2027-01-19T13:00",
            ["Input.EndsAt"] = "2027-01-19T15:30",
            ["Input.RegistrationClosesAt"] = "2027-01-12T23:59",
            ["Input.Notice"] = "Vi flyttar till en större lokal.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moved = await factory.EventAsync(e.Id);
        Assert.Equal(EventState.Postponed, moved.State);
        Assert.Equal(new DateTimeOffset(2027, 1, 19, 12, 0, 0, TimeSpan.Zero), moved.StartsAt);
        Assert.Equal(e.StartsAt, moved.OriginalStartsAt);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.RegistrationAsync(e.Id, confirmed)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.RegistrationAsync(e.Id, waiting)).Status);

        var mail = (await factory.SentMailsToAsync(confirmed))[^1];
        Assert.Equal($"Uppskjutet: {e.Title}", mail.Subject);
        Assert.Contains("tisdag 19 januari 2027 kl. 13.00–15.30", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(JoinUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"Uppskjutet: {e.Title}", (await factory.SentMailsToAsync(waiting))[^1].Subject);

        var ics = IcsDocument.Parse(await factory.CreateBrowserClient().GetCalendarFileAsync(mail.ExactLink(before.CalendarFilePath)));
        Assert.Empty(ics.Problems);
        Assert.Equal("PUBLISH", ics.Calendar.Value("METHOD"));
        Assert.Equal(oldIcs.Event.Value("UID"), ics.Event.Value("UID"));
        Assert.True(int.Parse(ics.Event.Value("SEQUENCE")!, System.Globalization.CultureInfo.InvariantCulture)
            > int.Parse(oldIcs.Event.Value("SEQUENCE")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(moved.StartsAt, ics.Instant(ics.Event, "DTSTART"));
        Assert.Equal(moved.EndsAt, ics.Instant(ics.Event, "DTEND"));

        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync(e.Path);
        var state = page.Text("#event-state");
        Assert.Contains("Uppskjutet", state, StringComparison.Ordinal);
        Assert.Contains("19 januari 2027", state, StringComparison.Ordinal);
        Assert.Contains("Vi flyttar till en större lokal.", state, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(RegistrationForm));
    }

    [Fact]
    public async Task A_postponed_event_without_a_new_date_says_we_will_come_back_and_closes_registration()
    {
        var (e, confirmed, _) = await EventWithPeopleAsync();
        var editor = await factory.SignInAsEditorAsync();

        var response = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/skjut-upp", new() { ["Input.Choice"] = "senare" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var postponed = await factory.EventAsync(e.Id);
        Assert.True(postponed.NewDateToBeAnnounced);
        Assert.Equal(e.StartsAt, postponed.StartsAt);
        var mail = (await factory.SentMailsToAsync(confirmed))[^1];
        Assert.Contains("Vi återkommer med nytt datum.", mail.TextBody, StringComparison.Ordinal);
        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync(e.Path);
        Assert.Contains("Vi återkommer med nytt datum.", page.Text("#event-state"), StringComparison.Ordinal);
        Assert.Contains("uppskjutet", page.Text("#registration-closed"), StringComparison.Ordinal);
        var registration = await factory.RegistrationAsync(e.Id, confirmed);
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        // The old date leaves the person's calendar until there is a new one.
        var ics = IcsDocument.Parse(await factory.CreateBrowserClient().GetCalendarFileAsync(registration.CalendarFilePath));
        Assert.Equal("CANCEL", ics.Calendar.Value("METHOD"));

        // Later the editor sets the new date: the same registrations, a new calendar file.
        var dated = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/skjut-upp", new()
        {
            ["Input.Choice"] = "nytt-datum",
            ["Input.StartsAt"] = "2027-02-02T09:00",
            ["Input.EndsAt"] = "2027-02-02T10:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, dated.StatusCode);
        var redated = IcsDocument.Parse(await factory.CreateBrowserClient().GetCalendarFileAsync(registration.CalendarFilePath));
        Assert.Equal("PUBLISH", redated.Calendar.Value("METHOD"));
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 8, 0, 0, TimeSpan.Zero), redated.Instant(redated.Event, "DTSTART"));
        Assert.True(int.Parse(redated.Event.Value("SEQUENCE")!, System.Globalization.CultureInfo.InvariantCulture)
            > int.Parse(ics.Event.Value("SEQUENCE")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Postponing_with_bad_dates_is_refused_with_400_and_the_values_kept()
    {
        var (e, _, _) = await EventWithPeopleAsync();
        var editor = await factory.SignInAsEditorAsync();

        var response = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/skjut-upp", new()
        {
            ["Input.Choice"] = "nytt-datum",
            ["Input.StartsAt"] = "2027-01-19T13:00",
            ["Input.EndsAt"] = "2027-01-19T12:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Sluttiden måste vara efter starttiden.", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("2027-01-19T13:00", page.QuerySelector("#Input_StartsAt")!.GetAttribute("value"));
        Assert.Equal(EventState.Published, (await factory.EventAsync(e.Id)).State);
    }
}
