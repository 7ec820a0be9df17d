using System.Globalization;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events;

/// <summary>
/// The calendar's e-mails, in Swedish. Each carries a link to the person's own calendar file (always the current
/// version: updated times, or METHOD:CANCEL when it is off) and to their registration page. Idempotency keys name
/// the situation, so a retried request or a second node never sends the same message twice.
/// </summary>
public sealed class EventMails(IEmailOutbox outbox, IOptionsSnapshot<SiteInfo> site)
{
    private string Association => site.Value.Name;

    public void Confirmed(CalendarEvent e, EventRegistration r) => Send(r,
        $"confirmed:{r.Id}:{r.Sequence}",
        $"Anmälan bekräftad: {e.Title}",
        "Du är anmäld",
        [
            Greeting(r),
            $"Tack för din anmälan till {Kind(e)} ”{e.Title}”. Här är det du behöver veta:",
            When(e),
            Where(e, confirmed: true),
            CalendarLine(r),
            "Kan du inte komma? Avboka via knappen nedan, så får någon på väntelistan din plats.",
        ],
        e);

    public void Waitlisted(CalendarEvent e, EventRegistration r, int position) => Send(r,
        $"waitlisted:{r.Id}:{r.Sequence}",
        $"Väntelista: {e.Title}",
        "Du står på väntelistan",
        [
            Greeting(r),
            $"Tack för din anmälan till {Kind(e)} ”{e.Title}”. Alla platser är tagna, så du står på väntelistan som nummer {position.ToString(CultureInfo.InvariantCulture)}.",
            "Om någon avbokar får du platsen automatiskt, och då mejlar vi dig. Du behöver inte göra något.",
            When(e),
            "Vill du inte stå kvar på väntelistan kan du avboka via knappen nedan.",
        ],
        e);

    public void Promoted(CalendarEvent e, EventRegistration r) => Send(r,
        $"promoted:{r.Id}:{r.Sequence}",
        $"Du har fått en plats: {e.Title}",
        "Du har fått en plats",
        [
            Greeting(r),
            $"En plats har blivit ledig på {Kind(e)} ”{e.Title}”, och den är din. Du är nu anmäld.",
            When(e),
            Where(e, confirmed: true),
            CalendarLine(r),
            "Kan du inte komma? Avboka via knappen nedan, så går platsen vidare till nästa på väntelistan.",
        ],
        e);

    public void CancelledByPerson(CalendarEvent e, EventRegistration r) => Send(r,
        $"cancelled:{r.Id}:{r.Sequence}",
        $"Avbokad: {e.Title}",
        "Din anmälan är avbokad",
        [
            Greeting(r),
            $"Du har avbokat din anmälan till {Kind(e)} ”{e.Title}” ({When(e, withLabel: false)}).",
            "Har du lagt in tiden i din kalender tar du bort den med den här filen: " + CalendarUrl(r),
            "Ändrar du dig kan du anmäla dig igen på evenemangets sida, så länge anmälan är öppen.",
        ],
        e, button: ("Till evenemanget", EventLinks.Absolute(r.BaseUrl, e.SharePath)));

    public void CancelledByOrganiser(CalendarEvent e, EventRegistration r) => Send(r,
        $"cancelled:{r.Id}:{r.Sequence}",
        $"Avbokad: {e.Title}",
        "Din anmälan är avbokad",
        [
            Greeting(r),
            $"Arrangören har avbokat din anmälan till {Kind(e)} ”{e.Title}” ({When(e, withLabel: false)}).",
            "Ta bort tiden ur din kalender med den här filen: " + CalendarUrl(r),
            $"Tror du att det är fel? Kontakta {Contact(e)}.",
        ],
        e, button: ("Till evenemanget", EventLinks.Absolute(r.BaseUrl, e.SharePath)));

    public void EventCancelled(CalendarEvent e, EventRegistration r) => Send(r,
        $"event-cancelled:{e.Id}:{e.Sequence}:{r.Id}",
        $"Inställt: {e.Title}",
        "Evenemanget är inställt",
        [
            Greeting(r),
            $"Vi måste tyvärr ställa in {Kind(e)} ”{e.Title}” ({When(e, withLabel: false)}).",
            e.Notice ?? "",
            "Ta bort tiden ur din kalender med den här filen: " + CalendarUrl(r),
            "Vi beklagar och hoppas att vi ses vid ett annat tillfälle.",
        ],
        e, button: null);

    public void EventPostponed(CalendarEvent e, EventRegistration r) => Send(r,
        $"event-postponed:{e.Id}:{e.Sequence}:{r.Id}",
        $"Uppskjutet: {e.Title}",
        "Evenemanget är uppskjutet",
        e.NewDateToBeAnnounced
            ?
            [
                Greeting(r),
                $"{Capitalised(Kind(e))} ”{e.Title}” skjuts upp. Vi återkommer med nytt datum.",
                e.Notice ?? "",
                "Din anmälan finns kvar, och vi mejlar dig när det nya datumet är bestämt. Den gamla tiden tar du bort ur din kalender med den här filen: " + CalendarUrl(r),
            ]
            :
            [
                Greeting(r),
                $"{Capitalised(Kind(e))} ”{e.Title}” är uppskjutet till en ny tid.",
                e.Notice ?? "",
                "Ny tid: " + EventTime.Describe(e) + ".",
                Where(e, confirmed: r.Status == RegistrationStatus.Confirmed),
                "Din anmälan gäller fortfarande. Uppdatera din kalender med den här filen: " + CalendarUrl(r),
                "Passar inte den nya tiden? Avboka via knappen nedan.",
            ],
        e);

    public void EventChanged(CalendarEvent e, EventRegistration r) => Send(r,
        $"event-changed:{e.Id}:{e.Sequence}:{r.Id}",
        $"Ändrat: {e.Title}",
        "Tid eller plats är ändrad",
        [
            Greeting(r),
            $"Vi har ändrat tid eller plats för {Kind(e)} ”{e.Title}”. Nu gäller:",
            When(e),
            Where(e, confirmed: r.Status == RegistrationStatus.Confirmed),
            "Uppdatera din kalender med den här filen: " + CalendarUrl(r),
        ],
        e);

    public void Reminder(CalendarEvent e, EventRegistration r) => Send(r,
        $"reminder:{r.Id}:{e.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
        $"Påminnelse: {e.Title}, {EventTime.Moment(e.StartsAt)}",
        "Välkommen!",
        [
            Greeting(r),
            $"En påminnelse om {Kind(e)} ”{e.Title}”, som du är anmäld till.",
            When(e),
            Where(e, confirmed: true),
            "Kan du inte komma? Avboka via knappen nedan, så kan någon annan få din plats.",
        ],
        e);

    public void AlreadyRegistered(CalendarEvent e, EventRegistration r, DateTimeOffset now) => Send(r,
        // At most one such reminder an hour, however often the form is sent.
        $"already:{r.Id}:{now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}",
        $"Din anmälan till {e.Title}",
        "Du är redan anmäld",
        [
            Greeting(r),
            $"Någon, förhoppningsvis du, försökte anmäla den här e-postadressen till {Kind(e)} ”{e.Title}” igen. Du är redan {(r.Status == RegistrationStatus.Waitlisted ? "på väntelistan" : "anmäld")}, så ingenting har ändrats.",
            "Via knappen nedan ser du, ändrar eller avbokar du din anmälan.",
        ],
        e);

    public void Message(CalendarEvent e, EventRegistration r, Guid messageId, string subject, string body) => Send(r,
        $"message:{messageId:N}:{r.Id}",
        subject,
        subject,
        [Greeting(r), .. body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        e);

    private void Send(EventRegistration r, string key, string subject, string heading, IEnumerable<string> paragraphs,
        CalendarEvent e, (string Text, string Url)? button = default)
    {
        if (r.Email is null || r.Token is null)
        {
            return;
        }
        var (buttonText, buttonUrl) = button ?? ("Se eller ändra din anmälan", EventLinks.Absolute(r.BaseUrl, r.PersonalPath));
        var content = EmailTemplate.Render(Association, heading, paragraphs, buttonText, buttonUrl,
            footerNote: $"Frågor? Kontakta {Contact(e)}.");
        outbox.Enqueue(new EmailMessage(r.Email, subject, content.Html, content.Text, "event:" + key,
            MailAddressOrNull(e.ContactEmail) is { } replyTo ? new Dictionary<string, string> { ["Reply-To"] = replyTo } : null));
    }

    private static string? MailAddressOrNull(string address) =>
        System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address.Trim() ? parsed.Address : null;

    private static string Greeting(EventRegistration r) => $"Hej {r.Name}!";

    private static string Kind(CalendarEvent e) => e.Kind switch
    {
        EventKind.Webinar => "webbinariet",
        EventKind.BreakfastMeeting => "frukostmötet",
        EventKind.Workshop => "workshopen",
        EventKind.Mingle => "minglet",
        EventKind.InformationMeeting => "informationsträffen",
        _ => "evenemanget",
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string When(CalendarEvent e, bool withLabel = true) =>
        withLabel ? "När: " + EventTime.Describe(e) + "." : EventTime.Describe(e);

    private static string Where(CalendarEvent e, bool confirmed) =>
        e.IsOnline
            ? confirmed && !string.IsNullOrWhiteSpace(e.JoinUrl)
                ? "Var: online. Länk till mötet: " + e.JoinUrl
                : "Var: online. Länken till mötet får du när du har en plats."
            : "Var: " + (e.Location ?? "meddelas senare") + ".";

    private static string CalendarLine(EventRegistration r) => "Lägg in tiden i din kalender med den här filen: " + CalendarUrl(r);

    private static string CalendarUrl(EventRegistration r) => EventLinks.Absolute(r.BaseUrl, r.CalendarFilePath);

    private static string Contact(CalendarEvent e) =>
        string.IsNullOrWhiteSpace(e.ContactEmail) ? e.ContactName : $"{e.ContactName}, {e.ContactEmail}";
}
