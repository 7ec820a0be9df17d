using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using Samordna.Web.Platform.Email;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class RemindersAndRetentionTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private Task<List<OutboxEmail>> RemindersToAsync(string email) =>
        factory.WithDbAsync(async db => (await db.Set<OutboxEmail>().AsNoTracking().ToListAsync(Ct))
            .Where(m => m.To == email && m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal)).ToList());

    [Fact]
    public async Task A_reminder_with_the_join_link_goes_24_hours_before_the_start_once_and_only_to_people_with_a_place()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var confirmed = NewEmail("plats");
        var waiting = NewEmail("vantar");
        var cancelled = NewEmail("avbokad");
        await factory.CreateBrowserClient().RegisterAsync(e, cancelled);
        await factory.CreateBrowserClient().SubmitFormAsync((await factory.RegistrationAsync(e.Id, cancelled)).PersonalPath, [], "#cancel-form");
        await factory.CreateBrowserClient().RegisterAsync(e, confirmed);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.CreateBrowserClient().RegisterAsync(e, waiting);

        factory.Clock.Set(e.StartsAt.AddHours(-24).AddMinutes(-1));
        await factory.SendDueRemindersAsync();
        Assert.Empty(await RemindersToAsync(confirmed));

        factory.Clock.Set(e.StartsAt.AddHours(-24));
        await factory.SendDueRemindersAsync();
        await factory.SendDueRemindersAsync();
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await factory.SendDueRemindersAsync();

        var reminder = Assert.Single(await RemindersToAsync(confirmed));
        Assert.Contains(JoinUrl, reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("kl. 10.00–11.00", reminder.TextBody, StringComparison.Ordinal);
        Assert.Empty(await RemindersToAsync(waiting));
        Assert.Empty(await RemindersToAsync(cancelled));
        Assert.Equal(e.StartsAt, (await factory.RegistrationAsync(e.Id, confirmed)).RemindedForStart);
    }

    [Fact]
    public async Task Someone_registering_inside_the_reminder_window_gets_the_join_link_in_the_confirmation_and_no_extra_reminder()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var email = NewEmail("sent");
        factory.Clock.Set(e.StartsAt.AddHours(-3));

        await factory.CreateBrowserClient().RegisterAsync(e, email);
        await factory.SendDueRemindersAsync();

        var mail = Assert.Single(await factory.SentMailsToAsync(email));
        Assert.StartsWith("Anmälan bekräftad", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(JoinUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await RemindersToAsync(email));
    }

    [Fact]
    public async Task A_crash_between_queueing_and_recording_cannot_double_a_reminder()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var email = NewEmail();
        await factory.CreateBrowserClient().RegisterAsync(e, email);
        factory.Clock.Set(e.StartsAt.AddHours(-2));
        await factory.SendDueRemindersAsync();
        var registration = await factory.RegistrationAsync(e.Id, email);

        // As if a node had queued the mail and died before its "sent for this start" mark was saved: the mark is lost.
        await factory.WithDbAsync(db => db.Set<EventRegistration>().Where(r => r.Id == registration.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindedForStart, (DateTimeOffset?)null), Ct));
        // Two nodes run the job at the same moment.
        await Task.WhenAll(factory.SendDueRemindersAsync(), factory.SendDueRemindersAsync());

        Assert.Single(await RemindersToAsync(email));
        Assert.Equal(e.StartsAt, (await factory.RegistrationAsync(e.Id, email)).RemindedForStart);
    }

    [Fact]
    public async Task A_new_date_makes_a_new_reminder_and_cancelled_events_get_none()
    {
        factory.Clock.Set(Now);
        var moved = await factory.InsertEventAsync();
        var called = await factory.InsertEventAsync();
        var email = NewEmail();
        await factory.CreateBrowserClient().RegisterAsync(moved, email);
        await factory.CreateBrowserClient().RegisterAsync(called, email);
        var editor = await factory.SignInAsEditorAsync();
        await editor.SubmitFormAsync($"/redaktion/kalender/{called.Id}/stall-in", []);
        factory.Clock.Set(moved.StartsAt.AddHours(-1));
        await factory.SendDueRemindersAsync();
        Assert.Single(await RemindersToAsync(email));

        var newStart = moved.StartsAt.AddDays(7);
        await editor.SubmitFormAsync($"/redaktion/kalender/{moved.Id}/skjut-upp", new()
        {
            ["Input.Choice"] = "nytt-datum",
            ["Input.StartsAt"] = EventTime.InputValue(newStart),
            ["Input.EndsAt"] = EventTime.InputValue(newStart.AddHours(1)),
        });
        factory.Clock.Set(newStart.AddHours(-20));
        await factory.SendDueRemindersAsync();

        var reminders = await RemindersToAsync(email);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Contains(moved.Title, r.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reminder_lead_time_is_configurable()
    {
        await using var early = new ReminderFactory();
        await early.InitializeAsync();
        early.Clock.Set(Now);
        var e = await early.InsertEventAsync();
        var email = NewEmail();
        await early.CreateBrowserClient().RegisterAsync(e, email);

        early.Clock.Set(e.StartsAt.AddHours(-49));
        Assert.Equal(0, await early.SendDueRemindersAsync());
        early.Clock.Set(e.StartsAt.AddHours(-47));
        Assert.Equal(1, await early.SendDueRemindersAsync());
    }

    [Fact]
    public async Task Registrations_are_anonymised_30_days_after_the_event_and_the_counts_remain()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var came = NewEmail("kom");
        var waited = NewEmail("vantade");
        await factory.CreateBrowserClient().RegisterAsync(e, came, "Greta Garbo", new() { ["Input.Phone"] = "070-1", ["Input.Needs"] = "Rullstol" });
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.CreateBrowserClient().RegisterAsync(e, waited);
        var personal = (await factory.RegistrationAsync(e.Id, came)).PersonalPath;
        await factory.WithDbAsync(db => db.Set<EventRegistration>().Where(r => r.NormalizedEmail == came)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true), Ct));

        factory.Clock.Set(e.EndsAt.AddDays(30).AddMinutes(-1));
        await factory.AnonymiseExpiredAsync();
        Assert.Equal("Greta Garbo", (await factory.RegistrationAsync(e.Id, came)).Name);

        factory.Clock.Set(e.EndsAt.AddDays(30));
        Assert.True(await factory.AnonymiseExpiredAsync() >= 1);
        Assert.Equal(0, await factory.AnonymiseExpiredAsync());

        var rows = await factory.RegistrationsAsync(e.Id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("", r.Name);
            Assert.Null(r.Email);
            Assert.Null(r.NormalizedEmail);
            Assert.Equal("", r.Organisation);
            Assert.Null(r.Phone);
            Assert.Null(r.Needs);
            Assert.Null(r.Token);
            Assert.NotNull(r.AnonymisedAt);
        });
        var counts = await factory.WithServicesAsync(s => s.GetRequiredService<EventQueries>().CountsAsync(e.Id, Ct));
        Assert.Equal(new EventCounts(1, 1, 0, 1), counts);
        Assert.NotNull((await factory.EventAsync(e.Id)).AnonymisedAt);
        var old = await factory.CreateBrowserClient().GetAsync(new Uri(personal, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);

        var editor = await factory.SignInAsEditorAsync();
        var (_, list) = await editor.GetHtmlAsync($"/redaktion/kalender/{e.Id}/anmalningar");
        Assert.Contains("anonymiserade", list.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Greta", list.Source.Text, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("form[action*='handler=Export']"));
    }

    [Fact]
    public async Task Anonymisation_leaves_events_postponed_without_a_date_alone()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => { x.State = EventState.Postponed; x.NewDateToBeAnnounced = true; });
        var email = NewEmail();
        await factory.WithDbAsync(async db =>
        {
            db.Add(new EventRegistration
            {
                EventId = e.Id, Token = EventLinks.NewToken(), Name = "Väntande", Email = email, NormalizedEmail = email,
                Organisation = "Region Stockholm", Status = RegistrationStatus.Confirmed, QueuedAt = Now, CreatedAt = Now, UpdatedAt = Now,
                ConsentedAt = Now, BaseUrl = "http://localhost",
            });
            await db.SaveChangesAsync(Ct);
        });

        factory.Clock.Set(e.EndsAt.AddDays(60));
        await factory.AnonymiseExpiredAsync();

        Assert.Equal("Väntande", (await factory.RegistrationAsync(e.Id, email)).Name);
    }

    private sealed class ReminderFactory : EventsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings => [new("Events:ReminderHoursBefore", "48")];
    }
}
