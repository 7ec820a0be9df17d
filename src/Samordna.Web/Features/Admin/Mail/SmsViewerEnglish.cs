namespace Samordna.Web.Features.Admin.Mail;

/// <summary>English for the SMS tab of the message viewer (shared words come from <see cref="MailEnglish"/>).</summary>
public static class SmsViewerEnglish
{
    public static IReadOnlyDictionary<string, string> Texts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Skickade sms"] = "Sent text messages",
        ["Meddelandetyp"] = "Message type",
        ["E-post"] = "E-mail",
        ["Sms"] = "Text messages",
        ["Allt som systemet skickar med sms, det senaste först."] = "Everything the system sends by text message, newest first.",
        ["Sms skickas inte ut: de sparas som textfiler i mappen"] = "Text messages are not sent out: they are saved as text files in the folder",
        ["Ställ in Sms:Provider=Http för att skicka på riktigt."] = "Set Sms:Provider=Http to send for real.",
        ["Filtrera sms"] = "Filter text messages",
        ["Mobilnummer"] = "Mobile number",
        ["del(ar)"] = "part(s)",
    };
}
