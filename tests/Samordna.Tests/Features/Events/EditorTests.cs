using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using Samordna.Web.Platform.Audit;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class EditorTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> ValidForm(string title) => new()
    {
        ["Input.Kind"] = nameof(EventKind.BreakfastMeeting),
        ["Input.Title"] = title,
        ["Input.Summary"] = "Frukost och samtal om IPS, arbete med stöd.",
        ["Input.Description"] = "## Program\n\n08.00 Frukost\n\n08.30 Föreläsning",
        ["Input.StartsAt"] = "2026-12-10T08:00",
        ["Input.EndsAt"] = "2026-12-10T09:30",
        ["Input.Format"] = EventInput.PlaceFormat,
        ["Input.Location"] = "Kulturhuset, Sigtuna",
        ["Input.JoinUrl"] = "",
        ["Input.Organiser"] = "Samordningsförbundet",
        ["Input.ContactName"] = "Kipa Poikolainen",
        ["Input.ContactEmail"] = "kipa@forbund.example.se",
        ["Input.Audience"] = nameof(EventAudience.Public),
        ["Input.Capacity"] = "40",
        ["Input.RegistrationClosesAt"] = "2026-12-03T12:00",
        ["Input.RegistrationOpensAt"] = "",
    };

    [Theory]
    [InlineData("/redaktion/kalender")]
    [InlineData("/redaktion/kalender/nytt")]
    [InlineData("/redaktion/kalender/forslag")]
    [InlineData("/redaktion/kalender/arkiv")]
    public async Task Anonymous_visitors_and_staff_without_the_editor_role_are_kept_out(string path)
    {
        var anonymous = await factory.CreateBrowserClient().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var staff = await (await factory.SignInAsStaffAsync()).GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/konto/logga-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(staff.StatusCode is HttpStatusCode.Forbidden || staff.Headers.Location?.OriginalString.Contains("/konto/nekad", StringComparison.Ordinal) == true,
            $"Staff got {(int)staff.StatusCode} {staff.Headers.Location}.");
    }

    [Fact]
    public async Task Editor_creates_an_event_that_appears_in_the_calendar_with_its_deadline()
    {
        factory.Clock.Set(Now);
        var editor = await factory.SignInAsEditorAsync();

        var response = await editor.SubmitFormAsync("/redaktion/kalender/nytt", ValidForm("Frukostmöte om IPS"), "form.event-form", "intent", "publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await factory.WithDbAsync(db => db.Set<CalendarEvent>().AsNoTracking().SingleAsync(e => e.Title == "Frukostmöte om IPS", Ct));
        Assert.Equal("2026-12-10-frukostmote-om-ips", created.Slug);
        Assert.Equal(EventState.Published, created.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 7, 0, 0, TimeSpan.Zero), created.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero), created.RegistrationClosesAt);
        Assert.Equal(40, created.Capacity);
        Assert.False(created.IsOnline);
        Assert.NotEqual(Guid.Empty, created.Uid);

        var (_, page) = await factory.CreateBrowserClient().GetHtmlAsync("/kalender/2026-12-10-frukostmote-om-ips");
        Assert.Equal("Frukostmöte om IPS", page.Text("h1"));
        Assert.Contains("Kulturhuset, Sigtuna", page.Text(".event-facts"), StringComparison.Ordinal);
        Assert.Contains("3 december 2026 kl. 12.00", page.Text(".event-facts"), StringComparison.Ordinal);
        Assert.Equal("Program", page.Text(".prose h2"));
        Assert.Contains("40 av 40 kvar", page.Text("#places"), StringComparison.Ordinal);

        // A second event with the same title and date gets its own address.
        await editor.SubmitFormAsync("/redaktion/kalender/nytt", ValidForm("Frukostmöte om IPS"), "form.event-form", "intent", "draft");
        var second = await factory.WithDbAsync(db => db.Set<CalendarEvent>().AsNoTracking().SingleAsync(e => e.Title == "Frukostmöte om IPS" && e.State == EventState.Draft, Ct));
        Assert.Equal("2026-12-10-frukostmote-om-ips-2", second.Slug);
    }

    [Fact]
    public async Task A_new_event_reaches_the_cached_start_page_at_once()
    {
        factory.Clock.Set(Now);
        var visitor = factory.CreateBrowserClient();
        var (_, before) = await visitor.GetHtmlAsync("/");
        var form = ValidForm("Frukostmöte i morgon " + Guid.NewGuid().ToString("N")[..6]);
        form["Input.StartsAt"] = "2026-11-25T08:00";
        form["Input.EndsAt"] = "2026-11-25T09:00";
        form["Input.RegistrationClosesAt"] = "";

        await (await factory.SignInAsEditorAsync()).SubmitFormAsync("/redaktion/kalender/nytt", form, "form.event-form", "intent", "publish");
        var (_, after) = await visitor.GetHtmlAsync("/");

        Assert.DoesNotContain(form["Input.Title"], before.Source.Text, StringComparison.Ordinal);
        Assert.Contains(form["Input.Title"], after.QuerySelector(".upcoming-events")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_public_events_are_found_by_the_site_search_and_drafts_are_not()
    {
        factory.Clock.Set(Now);
        var editor = await factory.SignInAsEditorAsync();
        var word = "Sökordsfrukost" + Guid.NewGuid().ToString("N")[..6];
        var published = ValidForm(word + " publicerad");
        var draft = ValidForm(word + " utkast");

        await editor.SubmitFormAsync("/redaktion/kalender/nytt", published, "form.event-form", "intent", "publish");
        await editor.SubmitFormAsync("/redaktion/kalender/nytt", draft, "form.event-form", "intent", "draft");
        var (_, results) = await factory.CreateBrowserClient().GetHtmlAsync("/sok?q=" + Uri.EscapeDataString(word));

        var hits = results.QuerySelectorAll(".search-hit").Select(h => h.TextContent).ToList();
        var hit = Assert.Single(hits);
        Assert.Contains(word + " publicerad", hit, StringComparison.Ordinal);
        Assert.Contains("Evenemang", hit, StringComparison.Ordinal);
        Assert.NotNull(results.QuerySelector(".search-hit a[href^='/kalender/']"));
    }

    [Fact]
    public async Task Bad_event_input_is_refused_with_400_Swedish_messages_and_every_value_kept()
    {
        factory.Clock.Set(Now);
        var editor = await factory.SignInAsEditorAsync();
        var form = ValidForm("");
        form["Input.EndsAt"] = "2026-12-10T07:00";
        form["Input.Location"] = "";
        form["Input.ContactEmail"] = "kipa";
        form["Input.Capacity"] = "många";
        form["Input.RegistrationClosesAt"] = "2026-12-11T12:00";
        form["Input.Summary"] = "Behålls i formuläret.";

        var response = await editor.SubmitFormAsync("/redaktion/kalender/nytt", form, "form.event-form", "intent", "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        var errors = page.Text("#form-errors");
        Assert.Contains("Skriv en rubrik.", errors, StringComparison.Ordinal);
        Assert.Contains("Sluttiden måste vara efter starttiden.", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv var evenemanget är", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv kontaktpersonens e-postadress", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv antalet platser som ett heltal", errors, StringComparison.Ordinal);
        Assert.Contains("Sista anmälningsdag kan inte vara efter", errors, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("Behålls i formuläret.", page.QuerySelector("#Input_Summary")!.GetAttribute("value"));
        Assert.Equal("många", page.QuerySelector("#Input_Capacity")!.GetAttribute("value"));
        Assert.Equal("2026-12-10T08:00", page.QuerySelector("#Input_StartsAt")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Format'][value='plats'][checked]"));
        Assert.NotNull(page.QuerySelector("#Input_Kind option[value='BreakfastMeeting'][selected]"));
    }

    [Fact]
    public async Task Moving_the_time_tells_everyone_registered_and_raises_the_calendar_sequence()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var email = NewEmail();
        await factory.CreateBrowserClient().RegisterAsync(e, email);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var editor = await factory.SignInAsEditorAsync();
        var url = $"/redaktion/kalender/{e.Id}";

        var unchanged = await editor.SubmitFormAsync(url, [], "form.event-form", "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Equal(e.Sequence, (await factory.EventAsync(e.Id)).Sequence);
        Assert.Single(await factory.SentMailsToAsync(email));

        var moved = await editor.SubmitFormAsync(url, new() { ["Input.StartsAt"] = "2026-12-08T13:00", ["Input.EndsAt"] = "2026-12-08T14:00" },
            "form.event-form", "intent", "save");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(e.Sequence + 1, (await factory.EventAsync(e.Id)).Sequence);
        var mail = (await factory.SentMailsToAsync(email))[^1];
        Assert.Equal($"Ändrat: {e.Title}", mail.Subject);
        Assert.Contains("kl. 13.00–14.00", mail.TextBody, StringComparison.Ordinal);
        var (_, edit) = await editor.GetHtmlAsync(url);
        Assert.Contains("1 anmälda har fått ett mejl", edit.Text("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_sees_counts_and_exports_the_registrations_as_csv_which_is_audited()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        await factory.CreateBrowserClient().RegisterAsync(e, NewEmail("a"), "Anna Ek", new() { ["Input.Needs"] = "=HYPERLINK(\"http://x\")" });
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.CreateBrowserClient().RegisterAsync(e, NewEmail("b"), "Bo Lind; Jr");
        var editor = await factory.SignInAsEditorAsync();
        var url = $"/redaktion/kalender/{e.Id}/anmalningar";

        var (_, page) = await editor.GetHtmlAsync(url);
        var export = await editor.SubmitFormAsync(url, [], "form[action*='handler=Export']");

        var counts = page.Text("#counts");
        Assert.Contains("1 anmälda av 1 platser", counts, StringComparison.Ordinal);
        Assert.Contains("1 på väntelistan", counts, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Namn;E-post;Organisation;Telefon;Behov;Status;Anmäld;Närvaro", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Anna Ek;", lines[1], StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\";Anmäld;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"Bo Lind; Jr\";", lines[2], StringComparison.Ordinal);
        Assert.Contains(";På väntelistan;", lines[2], StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.SubjectType == EventAdminService.AuditSubject && a.SubjectId == e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToListAsync(Ct));
        Assert.Contains(audit, a => a.Action == AuditActions.PersonalDataRead);
        var exported = Assert.Single(audit, a => a.Action == AuditActions.PersonalDataExported);
        Assert.Contains("2 rader", exported.Details, StringComparison.Ordinal);
        Assert.NotNull(exported.ActorId);
    }

    [Fact]
    public async Task A_message_to_everyone_registered_is_sent_once_even_if_the_button_is_pressed_twice()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync(x => x.Capacity = 1);
        var confirmed = NewEmail("c");
        var waiting = NewEmail("w");
        await factory.CreateBrowserClient().RegisterAsync(e, confirmed);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.CreateBrowserClient().RegisterAsync(e, waiting);
        var editor = await factory.SignInAsEditorAsync();
        var url = $"/redaktion/kalender/{e.Id}/meddelande";
        var form = await editor.GetDocumentAsync(url);
        var values = new Dictionary<string, string>
        {
            ["Input.Subject"] = "Ny länk till mötet",
            ["Input.Body"] = "Hej!\n\nVi har bytt möteslänk. Den nya finns på din anmälningssida.",
        };

        var first = await editor.SubmitFormAsync(form, url, values);
        var second = await editor.SubmitFormAsync(form, url, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var mails = (await factory.SentMailsToAsync(confirmed)).Where(m => m.Subject == "Ny länk till mötet").ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("Vi har bytt möteslänk.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains((await factory.RegistrationAsync(e.Id, confirmed)).PersonalPath, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.SentMailsToAsync(waiting), m => m.Subject == "Ny länk till mötet");

        var empty = await editor.SubmitFormAsync(url, new() { ["Input.Subject"] = "", ["Input.Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task After_the_event_the_editor_marks_attendance_and_the_archive_shows_it()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        var came = NewEmail("kom");
        var stayed = NewEmail("stannade");
        await factory.CreateBrowserClient().RegisterAsync(e, came);
        await factory.CreateBrowserClient().RegisterAsync(e, stayed);
        var editor = await factory.SignInAsEditorAsync();
        var url = $"/redaktion/kalender/{e.Id}/anmalningar";
        var cameId = (await factory.RegistrationAsync(e.Id, came)).Id;

        var (_, before) = await editor.GetHtmlAsync(url);
        Assert.Null(before.QuerySelector("#attendance-form"));

        factory.Clock.Set(e.EndsAt.AddHours(1));
        var document = await editor.GetDocumentAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("#attendance-form")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "attended").Append(new("attended", cameId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        using var content = new FormUrlEncodedContent(fields);
        var saved = await editor.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await factory.RegistrationAsync(e.Id, came)).Attended);
        Assert.False((await factory.RegistrationAsync(e.Id, stayed)).Attended);
        var (_, archive) = await editor.GetHtmlAsync("/redaktion/kalender/arkiv");
        var row = archive.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(e.Title, StringComparison.Ordinal));
        Assert.Equal("1", row.QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task Attendance_cannot_be_marked_before_the_event()
    {
        factory.Clock.Set(Now);
        var e = await factory.InsertEventAsync();
        await factory.CreateBrowserClient().RegisterAsync(e, NewEmail());
        var editor = await factory.SignInAsEditorAsync();

        var response = await editor.PostWithTokenAsync($"/redaktion/kalender/{e.Id}/anmalningar?handler=Attendance", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("först när evenemanget har börjat", (await response.ParseAsync()).Text("#form-errors"), StringComparison.Ordinal);
    }
}
