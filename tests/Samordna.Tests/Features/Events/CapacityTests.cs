using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class CapacityTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task When_full_new_people_go_on_the_waiting_list_and_are_told_their_place()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 2);
        var emails = Enumerable.Range(0, 4).Select(i => NewEmail("p" + i)).ToList();

        foreach (var email in emails)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var response = await factory.CreateBrowserClient().RegisterAsync(e, email);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var registrations = await factory.RegistrationsAsync(e.Id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted],
            registrations.Select(r => r.Status));
        var fourth = Assert.Single(await factory.SentMailsToAsync(emails[3]));
        Assert.Equal($"Väntelista: {e.Title}", fourth.Subject);
        Assert.Contains("som nummer 2", fourth.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(JoinUrl, fourth.TextBody, StringComparison.Ordinal);

        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync(registrations[3].PersonalPath);
        Assert.Contains("nummer 2 på väntelistan", page.Text("#registration-status"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#join-link"));
        var (_, eventPage) = await factory.CreateBrowserClient().GetHtmlAsync(e.Path);
        Assert.Contains("Fullt", eventPage.Text("#places"), StringComparison.Ordinal);
        Assert.Equal("Ställ mig på väntelistan", eventPage.Text(RegistrationForm + " button[type=submit]"));
    }

    [Fact]
    public async Task A_cancellation_gives_the_place_to_the_first_on_the_waiting_list_who_is_told()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var holder = NewEmail("har-plats");
        var first = NewEmail("forst-i-kon");
        var second = NewEmail("andra-i-kon");
        foreach (var email in new[] { holder, first, second })
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await factory.CreateBrowserClient().RegisterAsync(e, email);
        }
        var holding = await factory.RegistrationAsync(e.Id, holder);
        var visitor = factory.CreateBrowserClient();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var cancel = await visitor.SubmitFormAsync(holding.PersonalPath, [], "#cancel-form");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, (await factory.RegistrationAsync(e.Id, holder)).Status);
        var promoted = await factory.RegistrationAsync(e.Id, first);
        Assert.Equal(RegistrationStatus.Confirmed, promoted.Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.RegistrationAsync(e.Id, second)).Status);

        var promotedMail = (await factory.SentMailsToAsync(first))[^1];
        Assert.Equal($"Du har fått en plats: {e.Title}", promotedMail.Subject);
        Assert.Contains(JoinUrl, promotedMail.TextBody, StringComparison.Ordinal);
        var cancelledMail = (await factory.SentMailsToAsync(holder))[^1];
        Assert.Equal($"Avbokad: {e.Title}", cancelledMail.Subject);

        // The cancelled person's calendar file now removes the entry; the promoted person's is confirmed.
        var holderIcs = IcsDocument.Parse(await visitor.GetCalendarFileAsync(cancelledMail.ExactLink(holding.CalendarFilePath)));
        Assert.Empty(holderIcs.Problems);
        Assert.Equal("CANCEL", holderIcs.Calendar.Value("METHOD"));
        Assert.Equal("1", holderIcs.Event.Value("SEQUENCE"));
        var promotedIcs = IcsDocument.Parse(await visitor.GetCalendarFileAsync(promoted.CalendarFilePath));
        Assert.Equal("CONFIRMED", promotedIcs.Event.Value("STATUS"));

        var (_, page) = await visitor.GetHtmlAsync(holding.PersonalPath);
        Assert.Contains("Avbokad", page.Text("#registration-status"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#cancel-form"));
    }

    [Fact]
    public async Task After_the_start_a_person_can_no_longer_cancel()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 5);
        var email = NewEmail();
        await factory.CreateBrowserClient().RegisterAsync(e, email);
        var registration = await factory.RegistrationAsync(e.Id, email);
        var visitor = factory.CreateBrowserClient();
        var opened = await visitor.GetDocumentAsync(registration.PersonalPath);

        factory.Clock.Set(e.StartsAt.AddMinutes(5));
        var response = await visitor.SubmitFormAsync(opened, registration.PersonalPath, [], "#cancel-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("redan börjat", (await response.ParseAsync()).Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.RegistrationAsync(e.Id, email)).Status);
    }

    [Fact]
    public async Task A_person_who_cancelled_can_register_again_and_goes_to_the_back_of_the_queue()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var email = NewEmail("atervander");
        var other = NewEmail("annan");
        await factory.CreateBrowserClient().RegisterAsync(e, email);
        var first = await factory.RegistrationAsync(e.Id, email);
        await factory.CreateBrowserClient().SubmitFormAsync(first.PersonalPath, [], "#cancel-form");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.CreateBrowserClient().RegisterAsync(e, other);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await factory.CreateBrowserClient().RegisterAsync(e, email);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var registration = await factory.RegistrationAsync(e.Id, email);
        Assert.Equal(first.Id, registration.Id);
        Assert.Equal(RegistrationStatus.Waitlisted, registration.Status);
        Assert.NotEqual(first.Token, registration.Token);
        Assert.Equal(2, registration.Sequence);
        var old = await factory.CreateBrowserClient().GetAsync(new Uri(first.PersonalPath, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Staff_give_a_waiting_person_a_place_by_hand_and_more_places_go_to_the_queue_in_order()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var emails = Enumerable.Range(0, 4).Select(i => NewEmail("k" + i)).ToList();
        foreach (var email in emails)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await factory.CreateBrowserClient().RegisterAsync(e, email);
        }
        var editor = await factory.SignInAsEditorAsync();
        var last = await factory.RegistrationAsync(e.Id, emails[3]);

        var given = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/anmalningar", [],
            $"form[action*='handler=GivePlace'][action*='registrationId={last.Id}']");

        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.RegistrationAsync(e.Id, emails[3])).Status);
        Assert.Equal(2, (await factory.EventAsync(e.Id)).Capacity);
        Assert.Equal($"Du har fått en plats: {e.Title}", (await factory.SentMailsToAsync(emails[3]))[^1].Subject);

        // Raising the number of places in the form gives them to the queue, first come first served.
        var form = await editor.GetDocumentAsync($"/redaktion/kalender/{e.Id}");
        var saved = await editor.SubmitFormAsync(form, $"/redaktion/kalender/{e.Id}", new() { ["Input.Capacity"] = "3" }, "form.event-form", "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var statuses = (await factory.RegistrationsAsync(e.Id)).Select(r => r.Status).ToList();
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Confirmed], statuses);
    }

    [Fact]
    public async Task Staff_cancel_a_registration_for_someone_and_the_place_moves_on()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var holder = NewEmail("h");
        var waiting = NewEmail("w");
        await factory.CreateBrowserClient().RegisterAsync(e, holder);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.CreateBrowserClient().RegisterAsync(e, waiting);
        var editor = await factory.SignInAsEditorAsync();
        var holding = await factory.RegistrationAsync(e.Id, holder);

        var response = await editor.SubmitFormAsync($"/redaktion/kalender/{e.Id}/anmalningar", [],
            $"form[action*='handler=Cancel'][action*='registrationId={holding.Id}']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, (await factory.RegistrationAsync(e.Id, holder)).Status);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.RegistrationAsync(e.Id, waiting)).Status);
        Assert.Contains("Arrangören har avbokat", (await factory.SentMailsToAsync(holder))[^1].TextBody, StringComparison.Ordinal);
    }
}

/// <summary>Its own application and database, so the load does not meet other tests' events.</summary>
public sealed class ParallelRegistrationTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    [Fact]
    public async Task Fifty_parallel_registrations_for_ten_places_give_ten_confirmed_and_forty_on_the_waiting_list()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var e = await factory.InsertEventAsync(x => x.Capacity = 10);
        var visitors = Enumerable.Range(0, 50).Select(_ => factory.CreateBrowserClient()).ToList();
        var forms = await Task.WhenAll(visitors.Select(v => v.GetDocumentAsync(e.Path)));
        var emails = Enumerable.Range(0, 50).Select(i => NewEmail("p" + i)).ToList();

        using var start = new SemaphoreSlim(0);
        var posts = visitors.Select(async (visitor, i) =>
        {
            await start.WaitAsync(Ct);
            return await visitor.RegisterAsync(e, emails[i], "Person " + i, document: forms[i]);
        }).ToList();
        start.Release(50);
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var registrations = await factory.RegistrationsAsync(e.Id);
        Assert.Equal(50, registrations.Count);
        Assert.Equal(10, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(40, registrations.Count(r => r.Status == RegistrationStatus.Waitlisted));
        var subjects = new List<string>();
        foreach (var email in emails)
        {
            subjects.Add(Assert.Single(await factory.OutboxMailsToAsync(email)).Subject);
        }
        Assert.Equal(10, subjects.Count(s => s.StartsWith("Anmälan bekräftad", StringComparison.Ordinal)));
        Assert.Equal(40, subjects.Count(s => s.StartsWith("Väntelista", StringComparison.Ordinal)));
        // Every waiting person was told a different place in the queue, 1 to 40.
        var waitlistMails = new List<string>();
        foreach (var email in emails)
        {
            waitlistMails.AddRange((await factory.OutboxMailsToAsync(email)).Where(m => m.Subject.StartsWith("Väntelista", StringComparison.Ordinal)).Select(m => m.TextBody));
        }
        var positions = waitlistMails.Select(t => System.Text.RegularExpressions.Regex.Match(t, @"som nummer (\d+)").Groups[1].Value).Select(int.Parse).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 40), positions);
    }
}
