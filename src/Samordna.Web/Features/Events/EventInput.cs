using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samordna.Web.Features.Events;

/// <summary>
/// What an editor types into the event form. Times are datetime-local values in Swedish time; validated by hand so
/// every message says what to do.
/// </summary>
public sealed class EventInput
{
    public EventKind Kind { get; set; } = EventKind.Webinar;

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    /// <summary>"online" or "plats".</summary>
    public string? Format { get; set; } = OnlineFormat;

    public string? JoinUrl { get; set; }

    public string? Location { get; set; }

    public string? Organiser { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public EventAudience Audience { get; set; } = EventAudience.Public;

    public string? Capacity { get; set; }

    public bool RegistrationEnabled { get; set; } = true;

    public string? RegistrationOpensAt { get; set; }

    public string? RegistrationClosesAt { get; set; }

    public const string OnlineFormat = "online";
    public const string PlaceFormat = "plats";

    public bool IsOnline => Format == OnlineFormat;

    // Parsed by Validate.
    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public DateTimeOffset? Opens { get; private set; }

    public DateTimeOffset? Closes { get; private set; }

    public int? Places { get; private set; }

    public static EventInput From(CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new()
        {
            Kind = e.Kind,
            Title = e.Title,
            Summary = e.Summary,
            Description = e.Description,
            StartsAt = EventTime.InputValue(e.StartsAt),
            EndsAt = EventTime.InputValue(e.EndsAt),
            Format = e.IsOnline ? OnlineFormat : PlaceFormat,
            JoinUrl = e.JoinUrl,
            Location = e.Location,
            Organiser = e.Organiser,
            ContactName = e.ContactName,
            ContactEmail = e.ContactEmail,
            ContactPhone = e.ContactPhone,
            Audience = e.Audience,
            Capacity = e.Capacity?.ToString(CultureInfo.InvariantCulture),
            RegistrationEnabled = e.RegistrationEnabled,
            RegistrationOpensAt = EventTime.InputValue(e.RegistrationOpensAt),
            RegistrationClosesAt = EventTime.InputValue(e.RegistrationClosesAt),
        };
    }

    /// <summary>Adds a Swedish message per invalid field under "<paramref name="prefix"/>.Field"; true when all is well.</summary>
    public bool Validate(ModelStateDictionary modelState, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        Title = Title?.Trim();
        Summary = Summary?.Trim().ReplaceLineEndings(" ");
        Description = Description?.ReplaceLineEndings("\n").Trim();
        JoinUrl = Blank(JoinUrl);
        Location = Blank(Location);
        Organiser = Organiser?.Trim();
        ContactName = ContactName?.Trim();
        ContactEmail = ContactEmail?.Trim();
        ContactPhone = Blank(ContactPhone);
        string Key(string field) => $"{prefix}.{field}";
        var ok = true;

        if (!Enum.IsDefined(Kind))
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(Kind)), "Välj vilken sorts evenemang det är.");
        }
        ok &= RegistrationInput.Required(modelState, Key(nameof(Title)), Title, CalendarEvent.TitleMaxLength, "Skriv en rubrik.", "Rubriken");
        ok &= RegistrationInput.Required(modelState, Key(nameof(Summary)), Summary, CalendarEvent.SummaryMaxLength,
            "Skriv en kort sammanfattning. Den visas i kalenderlistan.", "Sammanfattningen");
        ok &= RegistrationInput.Required(modelState, Key(nameof(Description)), Description, CalendarEvent.DescriptionMaxLength,
            "Skriv en beskrivning av evenemanget.", "Beskrivningen");

        var start = EventTime.ParseInput(StartsAt);
        var end = EventTime.ParseInput(EndsAt);
        if (start is null)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(StartsAt)), "Ange när evenemanget börjar, som datum och klockslag (till exempel 2026-12-08 09:00).");
        }
        if (end is null)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(EndsAt)), "Ange när evenemanget slutar, som datum och klockslag (till exempel 2026-12-08 10:00).");
        }
        else if (start is not null && end <= start)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(EndsAt)), "Sluttiden måste vara efter starttiden.");
        }
        Start = start ?? default;
        End = end ?? default;

        if (Format is not (OnlineFormat or PlaceFormat))
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(Format)), "Välj om evenemanget är online eller på en plats.");
        }
        else if (IsOnline)
        {
            if (JoinUrl is not null && !IsWebAddress(JoinUrl))
            {
                ok = RegistrationInput.Fail(modelState, Key(nameof(JoinUrl)), "Skriv hela länken till mötet, som börjar med https://.");
            }
            else if (JoinUrl is { Length: > CalendarEvent.UrlMaxLength })
            {
                ok = RegistrationInput.Fail(modelState, Key(nameof(JoinUrl)), RegistrationInput.TooLong("Länken", CalendarEvent.UrlMaxLength, JoinUrl.Length));
            }
        }
        else
        {
            ok &= RegistrationInput.Required(modelState, Key(nameof(Location)), Location, CalendarEvent.LocationMaxLength,
                "Skriv var evenemanget är: lokal och adress.", "Platsen");
        }

        ok &= RegistrationInput.Required(modelState, Key(nameof(Organiser)), Organiser, CalendarEvent.NameMaxLength, "Skriv vem som arrangerar.", "Arrangören");
        ok &= RegistrationInput.Required(modelState, Key(nameof(ContactName)), ContactName, CalendarEvent.NameMaxLength, "Skriv vem man kontaktar med frågor.", "Kontaktpersonen");
        if (string.IsNullOrEmpty(ContactEmail) || !MailAddress.TryCreate(ContactEmail, out var contact) || contact.Address != ContactEmail
            || ContactEmail.Length > CalendarEvent.EmailMaxLength)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(ContactEmail)), "Skriv kontaktpersonens e-postadress, till exempel namn@forbund.se.");
        }
        if (ContactPhone is { Length: > CalendarEvent.PhoneMaxLength })
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(ContactPhone)), RegistrationInput.TooLong("Telefonnumret", CalendarEvent.PhoneMaxLength, ContactPhone.Length));
        }
        if (!Enum.IsDefined(Audience))
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(Audience)), "Välj vilka som får se och anmäla sig.");
        }

        Places = null;
        if (!string.IsNullOrWhiteSpace(Capacity))
        {
            if (int.TryParse(Capacity.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var places) && places is >= 1 and <= 100_000)
            {
                Places = places;
            }
            else
            {
                ok = RegistrationInput.Fail(modelState, Key(nameof(Capacity)), "Skriv antalet platser som ett heltal från 1 och uppåt, eller lämna fältet tomt om antalet inte är begränsat.");
            }
        }

        Opens = EventTime.ParseInput(RegistrationOpensAt);
        Closes = EventTime.ParseInput(RegistrationClosesAt);
        if (!string.IsNullOrWhiteSpace(RegistrationOpensAt) && Opens is null)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(RegistrationOpensAt)), "Ange när anmälan öppnar som datum och klockslag, eller lämna fältet tomt.");
        }
        if (!string.IsNullOrWhiteSpace(RegistrationClosesAt) && Closes is null)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(RegistrationClosesAt)), "Ange sista anmälningsdag som datum och klockslag, eller lämna fältet tomt.");
        }
        if (Closes is { } closes && start is { } s && closes > s)
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(RegistrationClosesAt)), "Sista anmälningsdag kan inte vara efter att evenemanget har börjat.");
        }
        if (Opens is { } opens && ((Closes is { } c && opens >= c) || (start is { } s2 && opens >= s2)))
        {
            ok = RegistrationInput.Fail(modelState, Key(nameof(RegistrationOpensAt)), "Anmälan måste öppna före sista anmälningsdag och före starten.");
        }
        return ok;
    }

    /// <summary>Copies the validated values onto <paramref name="e"/> (not capacity, which goes through the place lock).</summary>
    public void ApplyTo(CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.Kind = Kind;
        e.Title = Title!;
        e.Summary = Summary!;
        e.Description = Description!;
        e.StartsAt = Start;
        e.EndsAt = End;
        e.IsOnline = IsOnline;
        e.JoinUrl = IsOnline ? JoinUrl : null;
        e.Location = IsOnline ? null : Location;
        e.Organiser = Organiser!;
        e.ContactName = ContactName!;
        e.ContactEmail = ContactEmail!;
        e.ContactPhone = ContactPhone;
        e.Audience = Audience;
        if (Audience == EventAudience.InviteOnly && e.InviteCode is null)
        {
            e.InviteCode = EventLinks.NewInviteCode();
        }
        e.RegistrationEnabled = RegistrationEnabled;
        e.RegistrationOpensAt = Opens;
        e.RegistrationClosesAt = Closes;
    }

    internal static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
