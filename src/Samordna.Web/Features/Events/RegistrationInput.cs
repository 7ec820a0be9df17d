using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samordna.Web.Features.Events;

/// <summary>What a person types into the registration form (or changes later on their own page).</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Organisation { get; set; }

    public string? Phone { get; set; }

    public string? Needs { get; set; }

    public bool Consent { get; set; }

    public static RegistrationInput From(EventRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new()
        {
            Name = registration.Name,
            Email = registration.Email,
            Organisation = registration.Organisation,
            Phone = registration.Phone,
            Needs = registration.Needs,
            Consent = true,
        };
    }

    /// <summary>The address as it is compared: trimmed and lower-case.</summary>
    public string NormalizedEmail => (Email ?? "").Trim().ToLowerInvariant();

    /// <summary>Adds a Swedish message per invalid field; true when all is well. The e-mail and consent only when registering.</summary>
    public bool Validate(ModelStateDictionary modelState, bool registering, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        Name = Name?.Trim();
        Email = Email?.Trim();
        Organisation = Organisation?.Trim();
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        Needs = string.IsNullOrWhiteSpace(Needs) ? null : Needs.Trim().ReplaceLineEndings("\n");
        var ok = true;
        ok &= Required(modelState, $"{prefix}.{nameof(Name)}", Name, EventRegistration.NameMaxLength, "Skriv ditt namn.", "Namnet");
        if (registering)
        {
            if (string.IsNullOrEmpty(Email))
            {
                ok = Fail(modelState, $"{prefix}.{nameof(Email)}", "Skriv din e-postadress. Dit skickar vi bekräftelsen och länken till din anmälan.");
            }
            else if (!MailAddress.TryCreate(Email, out var address) || address.Address != Email || !Email.Contains('.', StringComparison.Ordinal)
                || Email.Length > CalendarEvent.EmailMaxLength)
            {
                ok = Fail(modelState, $"{prefix}.{nameof(Email)}", "Skriv en giltig e-postadress, till exempel namn@kommun.se.");
            }
        }
        ok &= Required(modelState, $"{prefix}.{nameof(Organisation)}", Organisation, EventRegistration.OrganisationMaxLength,
            "Skriv vilken organisation du kommer från. Skriv ”Privatperson” om du inte företräder någon.", "Organisationen");
        if (Phone is not null && (Phone.Length > EventRegistration.PhoneMaxLength || !Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')')))
        {
            ok = Fail(modelState, $"{prefix}.{nameof(Phone)}", "Skriv telefonnumret med siffror, till exempel 070-123 45 67, eller lämna fältet tomt.");
        }
        if (Needs is not null && Needs.Length > EventRegistration.NeedsMaxLength)
        {
            ok = Fail(modelState, $"{prefix}.{nameof(Needs)}", TooLong("Texten om behov", EventRegistration.NeedsMaxLength, Needs.Length));
        }
        if (registering && !Consent)
        {
            ok = Fail(modelState, $"{prefix}.{nameof(Consent)}", "Du behöver godkänna att vi sparar uppgifterna för evenemanget för att kunna anmäla dig.");
        }
        return ok;
    }

    internal static bool Required(ModelStateDictionary modelState, string key, string? value, int max, string missing, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Fail(modelState, key, missing);
        }
        if (value.Length > max)
        {
            return Fail(modelState, key, TooLong(what, max, value.Length));
        }
        return true;
    }

    internal static string TooLong(string what, int max, int length)
    {
        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        return $"{what} får vara högst {max.ToString("N0", swedish)} tecken, men är {length.ToString("N0", swedish)} tecken.";
    }

    internal static bool Fail(ModelStateDictionary modelState, string key, string message)
    {
        modelState.AddModelError(key, message);
        return false;
    }
}
