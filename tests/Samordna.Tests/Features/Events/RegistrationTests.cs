using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class RegistrationTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Visitor_registers_and_gets_a_confirmation_with_the_join_link_a_calendar_file_and_a_personal_link()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var visitor = factory.CreateBrowserClient();
        var email = NewEmail();

        var response = await visitor.RegisterAsync(e, email, "Alva Andersson", new()
        {
            ["Input.Phone"] = "070-123 45 67",
            ["Input.Needs"] = "Hörslinga, tack.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var registration = await factory.RegistrationAsync(e.Id, email);
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Equal("Alva Andersson", registration.Name);
        Assert.Equal("Sigtuna kommun", registration.Organisation);
        Assert.Equal("070-123 45 67", registration.Phone);
        Assert.Equal("Hörslinga, tack.", registration.Needs);
        Assert.Equal(Now, registration.ConsentedAt);
        Assert.Equal(registration.PersonalPath, response.Headers.Location?.OriginalString);
        Assert.True(registration.Token!.Length == 64, "The personal link carries at least 256 random bits.");

        var mail = await factory.SingleSentMailToAsync(email);
        Assert.Equal($"Anmälan bekräftad: {e.Title}", mail.Subject);
        Assert.Contains("Hej Alva Andersson!", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(JoinUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("kl. 10.00–11.00", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(e.ContactEmail, mail.Headers["Reply-To"]);

        var page = await visitor.GetHtmlAsync(mail.ExactLink(registration.PersonalPath));
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.True(page.Response.Headers.CacheControl?.NoStore, "The personal page must not be cached.");
        Assert.Contains("Anmäld", page.Document.Text("#registration-status"), StringComparison.Ordinal);
        Assert.Equal(JoinUrl, page.Document.QuerySelector("#join-link")!.GetAttribute("href"));
        Assert.Contains("noreferrer", page.Document.QuerySelector("#join-link")!.GetAttribute("rel"), StringComparison.Ordinal);

        var ics = IcsDocument.Parse(await visitor.GetCalendarFileAsync(mail.LinkTo(registration.CalendarFilePath)));
        Assert.Empty(ics.Problems);
        Assert.Equal("PUBLISH", ics.Calendar.Value("METHOD"));
        Assert.Equal("CONFIRMED", ics.Event.Value("STATUS"));
        Assert.Equal(e.StartsAt, ics.Instant(ics.Event, "DTSTART"));
        Assert.Contains(JoinUrl, ics.Event.Text("DESCRIPTION"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_join_link_is_shown_only_to_registered_people()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();

        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync(e.Path);
        var (_, feed) = await factory.CreateBrowserClient().GetHtmlAsync(EventsModule.FeedPath);

        Assert.Equal(e.Title, page.Text("h1"));
        Assert.DoesNotContain(JoinUrl, page.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.se", feed.Source.Text, StringComparison.Ordinal);
        Assert.Contains("Länken till mötet får du", page.Text(".event-facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_after_the_deadline_is_refused_to_the_minute_in_Swedish_time()
    {
        // "Anmälan senast 2 december kl. 23.59" (Swedish winter time, UTC+1): open through 23:59:59, closed at midnight.
        var deadline = new DateTimeOffset(2026, 12, 2, 22, 59, 0, TimeSpan.Zero);
        var e = await factory.InsertEventAsync(x =>
        {
            x.StartsAt = new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);
            x.EndsAt = x.StartsAt.AddHours(1);
            x.RegistrationClosesAt = deadline;
        });
        var visitor = factory.CreateBrowserClient();

        factory.Clock.Set(deadline.AddSeconds(59));
        var lastSecond = await visitor.RegisterAsync(e, NewEmail("sist"));
        Assert.Equal(HttpStatusCode.Redirect, lastSecond.StatusCode);

        factory.Clock.Set(deadline.AddMinutes(1));
        var form = await visitor.GetHtmlAsync(e.Path);
        Assert.Contains("Anmälan stängde 2 december 2026 kl. 23.59", form.Document.Text("#registration-closed"), StringComparison.Ordinal);
        Assert.Null(form.Document.QuerySelector(RegistrationForm));

        // A form opened before the deadline and sent after it.
        factory.Clock.Set(deadline.AddSeconds(-30));
        var opened = await visitor.GetDocumentAsync(e.Path);
        factory.Clock.Set(deadline.AddMinutes(1));
        var late = await visitor.RegisterAsync(e, NewEmail("sen"), document: opened);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var refused = await late.ParseAsync();
        Assert.Contains("Anmälan stängde 2 december 2026 kl. 23.59", refused.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Single(await factory.RegistrationsAsync(e.Id));
    }

    [Fact]
    public async Task Registration_before_it_opens_is_refused_with_the_opening_time()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.RegistrationOpensAt = Now.AddDays(2));

        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync(e.Path);

        Assert.Contains("Anmälan öppnar 26 november 2026 kl. 10.00", page.Text("#registration-closed"), StringComparison.Ordinal);
        var response = await factory.CreateBrowserClient().PostWithTokenAsync(e.Path, new()
        {
            ["Input.Name"] = "Tidig Fågel",
            ["Input.Email"] = NewEmail(),
            ["Input.Organisation"] = "Sigtuna kommun",
            ["Input.Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Anmälan öppnar 26 november 2026 kl. 10.00", (await response.ParseAsync()).Text("#form-errors"), StringComparison.Ordinal);
        Assert.Empty(await factory.RegistrationsAsync(e.Id));
    }

    [Fact]
    public async Task A_double_submit_gives_one_registration_and_one_email()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var visitor = factory.CreateBrowserClient();
        var email = NewEmail();
        var form = await visitor.GetDocumentAsync(e.Path);

        var first = await visitor.RegisterAsync(e, email, document: form);
        var second = await visitor.RegisterAsync(e, email, document: form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await factory.RegistrationsAsync(e.Id));
        Assert.Single(await factory.SentMailsToAsync(email));
    }

    [Fact]
    public async Task The_same_email_twice_gives_one_registration_and_a_friendly_message()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var email = NewEmail();
        await factory.CreateBrowserClient().RegisterAsync(e, email);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await factory.CreateBrowserClient().RegisterAsync(e, email.ToUpperInvariant(), "Någon Annan");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ParseAsync();
        Assert.Contains("Du är redan anmäld.", page.Text("#already-registered"), StringComparison.Ordinal);
        var registration = Assert.Single(await factory.RegistrationsAsync(e.Id));
        Assert.Equal("Alva Andersson", registration.Name);
        // The link goes to the address, never to whoever typed it in.
        Assert.DoesNotContain(registration.Token!, page.Source.Text, StringComparison.Ordinal);
        var mails = await factory.SentMailsToAsync(email);
        Assert.Equal(2, mails.Count);
        Assert.Equal($"Din anmälan till {e.Title}", mails[1].Subject);
        Assert.Contains(registration.PersonalPath, mails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_400_Swedish_messages_and_every_value_kept()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();

        var response = await factory.CreateBrowserClient().RegisterAsync(e, "inte-en-adress", " ", new()
        {
            ["Input.Organisation"] = "Vallentuna kommun",
            ["Input.Phone"] = "ring mig",
            ["Input.Needs"] = "Vegetarisk lunch",
            ["Input.Consent"] = "false",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        var errors = page.Text("#form-errors");
        Assert.Contains("Skriv ditt namn.", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv en giltig e-postadress", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv telefonnumret med siffror", errors, StringComparison.Ordinal);
        Assert.Contains("Du behöver godkänna", errors, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Email-error", page.QuerySelector("#Input_Email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("inte-en-adress", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Vallentuna kommun", page.QuerySelector("#Input_Organisation")!.GetAttribute("value"));
        Assert.Equal("ring mig", page.QuerySelector("#Input_Phone")!.GetAttribute("value"));
        Assert.Equal("Vegetarisk lunch", page.QuerySelector("#Input_Needs")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Consent")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("#Input_Consent-hint a[href='/personuppgifter']"));
        Assert.Empty(await factory.RegistrationsAsync(e.Id));
    }

    [Fact]
    public async Task The_person_changes_their_details_through_the_personal_link()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var email = NewEmail();
        var visitor = factory.CreateBrowserClient();
        await visitor.RegisterAsync(e, email);
        var registration = await factory.RegistrationAsync(e.Id, email);

        var saved = await visitor.SubmitFormAsync(registration.PersonalPath, new()
        {
            ["Input.Name"] = "Alva Berg",
            ["Input.Organisation"] = "Försäkringskassan",
            ["Input.Needs"] = "Glutenfritt",
        }, "#details-form");
        var empty = await visitor.SubmitFormAsync(registration.PersonalPath, new() { ["Input.Name"] = "" }, "#details-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var changed = await factory.RegistrationAsync(e.Id, email);
        Assert.Equal("Alva Berg", changed.Name);
        Assert.Equal("Försäkringskassan", changed.Organisation);
        Assert.Equal("Glutenfritt", changed.Needs);
        Assert.Equal(email, changed.Email);
    }

    [Fact]
    public async Task A_wrong_personal_link_is_404()
    {
        var response = await factory.CreateBrowserClient().GetAsync(new Uri("/kalender/anmalan/" + EventLinks.NewToken(), UriKind.Relative), Ct);
        var ics = await factory.CreateBrowserClient().GetAsync(new Uri("/kalender/anmalan/" + EventLinks.NewToken() + "/kalender.ics", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ics.StatusCode);
    }

    [Fact]
    public async Task Invite_only_events_open_only_with_the_invitation_code_and_are_never_listed()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x =>
        {
            x.Audience = EventAudience.InviteOnly;
            x.InviteCode = EventLinks.NewInviteCode();
        });
        var visitor = factory.CreateBrowserClient();

        var without = await visitor.GetAsync(new Uri(e.Path, UriKind.Relative), Ct);
        var wrong = await visitor.GetAsync(new Uri(e.Path + "?inbjudan=fel", UriKind.Relative), Ct);
        var registered = await visitor.RegisterAsync(e, NewEmail());
        var (_, calendar) = await visitor.GetHtmlAsync("/kalender");
        var feed = await visitor.GetStringAsync(new Uri(EventsModule.FeedPath, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.DoesNotContain(e.Title, calendar.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Title, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_only_events_ask_visitors_to_sign_in_and_are_listed_for_signed_in_people()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Audience = EventAudience.MembersOnly);

        var anonymous = await factory.CreateBrowserClient().GetAsync(new Uri(e.Path, UriKind.Relative), Ct);
        var (_, anonymousList) = await factory.CreateBrowserClient().GetHtmlAsync("/kalender");
        var staff = await factory.SignInAsStaffAsync();
        var (signedIn, _) = await staff.GetHtmlAsync(e.Path);
        var (_, staffList) = await staff.GetHtmlAsync("/kalender");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var location = anonymous.Headers.Location!;
        Assert.StartsWith("/konto/logga-in", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Title, anonymousList.Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(e.Title, staffList.Source.Text, StringComparison.Ordinal);

        // A young participant's account is not a member organisation's.
        var participant = await factory.SignInAsync(await factory.CreateUserAsync(Samordna.Web.Platform.Identity.Roles.Participant));
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync(new Uri(e.Path, UriKind.Relative), Ct)).StatusCode);
        Assert.DoesNotContain(e.Title, (await participant.GetHtmlAsync("/kalender")).Document.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_hidden_from_visitors()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.State = EventState.Draft);

        var response = await factory.CreateBrowserClient().GetAsync(new Uri(e.Path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_calendar_lists_upcoming_events_soonest_first_and_past_ones_in_the_archive()
    {
        factory.Clock.Set(Now);
        var later = await factory.InsertEventAsync(x => { x.StartsAt = Now.AddDays(30); x.EndsAt = x.StartsAt.AddHours(2); x.Title = "Senare " + x.Title; });
        var sooner = await factory.InsertEventAsync(x => { x.StartsAt = Now.AddDays(3); x.EndsAt = x.StartsAt.AddHours(2); x.Title = "Tidigare " + x.Title; });
        var past = await factory.InsertEventAsync(x => { x.StartsAt = Now.AddDays(-3); x.EndsAt = x.StartsAt.AddHours(2); x.Title = "Förbi " + x.Title; });

        var (_, calendar) = await factory.CreateBrowserClient().GetHtmlAsync("/kalender");
        var (_, archive) = await factory.CreateBrowserClient().GetHtmlAsync("/kalender/arkiv");
        var (_, start) = await factory.CreateBrowserClient().GetHtmlAsync("/");

        var titles = calendar.QuerySelectorAll(".event-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.True(titles.IndexOf(sooner.Title) < titles.IndexOf(later.Title) && titles.IndexOf(sooner.Title) >= 0, string.Join(" | ", titles));
        Assert.DoesNotContain(past.Title, titles);
        Assert.Contains(past.Title, archive.QuerySelectorAll(".event-title").Select(t => t.TextContent.Trim()));
        Assert.NotNull(start.QuerySelector("#upcoming-events-heading"));
        Assert.NotEmpty(start.QuerySelectorAll(".upcoming-events .event-title"));
    }
}
