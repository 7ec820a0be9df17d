using System.Net.Mail;

namespace Samordna.Web.Features.Newsletter;

/// <summary>The consent text shown at sign-up; its version is stored with every subscriber who agreed to it.</summary>
public static class NewsletterConsent
{
    /// <summary>Change whenever <see cref="Text"/> changes, so each subscriber's record says which text they saw.</summary>
    public const string Version = "2026-11-1";

    public const string Text =
        "När du anmäler dig sparar vi din e-postadress, ditt namn om du skriver det och vilka utskick du valt, " +
        "för att kunna skicka dem till dig. Vi sprider inte dina uppgifter vidare till andra. " +
        "Du kan avsluta när du vill med länken som finns i varje utskick.";

    public const string WebForm = "Webbformulär";
    public const string Import = "Import";
    public const string PreferencesPage = "Inställningssidan";

    public const string InvalidAddress = "Skriv en giltig e-postadress, till exempel namn@exempel.se.";

    /// <summary>The trimmed address, or null with a Swedish reason when it cannot be used.</summary>
    public static string? Normalise(string? input, out string? error)
    {
        var value = input?.Trim() ?? "";
        error = null;
        if (value.Length == 0)
        {
            error = "Skriv din e-postadress.";
            return null;
        }
        if (value.Length > Subscriber.EmailMaxLength || !MailAddress.TryCreate(value, out var address) || address.Address != value ||
            !address.User.All(char.IsAscii) || address.Host.StartsWith('.') || !address.Host.Contains('.', StringComparison.Ordinal) ||
            address.Host.EndsWith('.') || value.Any(char.IsWhiteSpace))
        {
            error = InvalidAddress;
            return null;
        }
        return value;
    }
}
