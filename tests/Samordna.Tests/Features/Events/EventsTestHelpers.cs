using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;

namespace Samordna.Tests.Features.Events;

/// <summary>
/// The application with the calendar's background job switched off, so each test runs reminders and anonymisation
/// itself at the moment it chooses (the test clock does not drive timers).
/// </summary>
public class EventsFactory : SamordnaFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Events:BackgroundJobs", "false"), .. MoreSettings];

    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings => [];
}

internal static class EventsTestHelpers
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string JoinUrl = "https://meet.example.se/j/123456";

    /// <summary>A published public webinar two weeks after the test clock, written straight into the database.</summary>
    public static Task<CalendarEvent> InsertEventAsync(this SamordnaFactory factory, Action<CalendarEvent>? configure = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var id = Guid.NewGuid().ToString("N")[..8];
            var start = now.AddDays(14);
            var e = new CalendarEvent
            {
                Uid = Guid.NewGuid(),
                Slug = "2026-12-08-webbinarium-" + id,
                Kind = EventKind.Webinar,
                Title = "Webbinarium " + id,
                Summary = "Om samverkan kring individen.",
                Description = "## Program\n\nVi berättar om samverkan.",
                StartsAt = start,
                EndsAt = start.AddHours(1),
                IsOnline = true,
                JoinUrl = JoinUrl,
                Organiser = "Samordningsförbundet",
                ContactName = "Kipa Poikolainen",
                ContactEmail = "kipa@forbund.example.se",
                Audience = EventAudience.Public,
                State = EventState.Published,
                RegistrationEnabled = true,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedByName = "Test",
            };
            configure?.Invoke(e);
            db.Add(e);
            await db.SaveChangesAsync(Ct);
            return e;
        });

    public static Task<CalendarEvent> EventAsync(this SamordnaFactory factory, int id) =>
        factory.WithDbAsync(db => db.Set<CalendarEvent>().AsNoTracking().SingleAsync(e => e.Id == id, Ct));

    public static Task<List<EventRegistration>> RegistrationsAsync(this SamordnaFactory factory, int eventId) =>
        factory.WithDbAsync(db => db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync(Ct));

    public static async Task<EventRegistration> RegistrationAsync(this SamordnaFactory factory, int eventId, string email) =>
        Assert.Single(await factory.RegistrationsAsync(eventId), r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase));

    public static string NewEmail(string who = "deltagare") => $"{who}-{Guid.NewGuid().ToString("N")[..8]}@kommun.example.se";

    public const string RegistrationForm = "form.registration-form";

    /// <summary>Fills in and sends the registration form on the event's page, as a visitor would.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, CalendarEvent e, string email, string name = "Alva Andersson",
        Dictionary<string, string>? overrides = null, IHtmlDocument? document = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Organisation"] = "Sigtuna kommun",
            ["Input.Consent"] = "true",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            values[key] = value;
        }
        return document is null
            ? client.SubmitFormAsync(e.SharePath, values, RegistrationForm)
            : client.SubmitFormAsync(document, e.SharePath, values, RegistrationForm);
    }

    /// <summary>
    /// Posts <paramref name="values"/> to <paramref name="url"/> with an antiforgery token, as a hand-made request would:
    /// from a form on that page, or (when it shows none) from the topic suggestion form, since the token belongs to
    /// the visitor's cookie rather than to one page.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, Dictionary<string, string> values)
    {
        var token = (await client.GetDocumentAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await client.GetDocumentAsync("/kalender/foresla-amne")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([.. values, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var document = Forms.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response, document);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        Forms.Parse(await response.Content.ReadAsStringAsync(Ct));

    public static string Text(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches {selector}.");

    /// <summary>The link in the mail whose path is exactly <paramref name="path"/>; fails unless there is one.</summary>
    public static string ExactLink(this Samordna.Web.Platform.Email.OutboxEmail mail, string path) =>
        mail.Links().FirstOrDefault(u => u.AbsolutePath == path)?.PathAndQuery
        ?? throw new InvalidOperationException($"No link to {path} in \"{mail.Subject}\":\n{mail.TextBody}");

    /// <summary>Runs the reminder job once, as the background service would.</summary>
    public static Task<int> SendDueRemindersAsync(this SamordnaFactory factory) =>
        factory.Services.GetRequiredService<EventJobs>().SendDueRemindersAsync(Ct);

    public static Task<int> AnonymiseExpiredAsync(this SamordnaFactory factory) =>
        factory.Services.GetRequiredService<EventJobs>().AnonymiseExpiredAsync(Ct);

    /// <summary>Downloads a calendar file through its link in an e-mail or on a page.</summary>
    public static async Task<string> GetCalendarFileAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
