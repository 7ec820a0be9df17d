using Samordna.Web.Platform.Email;

namespace Samordna.Web.Features.Admin.Mail;

/// <summary>How the mail viewer names and colours an outbox status.</summary>
public static class MailStatusText
{
    public static IReadOnlyList<OutboxEmailStatus> All { get; } = Enum.GetValues<OutboxEmailStatus>();

    public static string Swedish(OutboxEmailStatus status) => status switch
    {
        OutboxEmailStatus.Pending => "Väntar",
        OutboxEmailStatus.Sending => "Skickas",
        OutboxEmailStatus.Sent => "Skickat",
        OutboxEmailStatus.Failed => "Misslyckades",
        _ => status.ToString(),
    };

    public static string BadgeClass(OutboxEmailStatus status) => status switch
    {
        OutboxEmailStatus.Sent => "badge badge-ok",
        OutboxEmailStatus.Failed => "badge badge-error",
        OutboxEmailStatus.Sending => "badge badge-warn",
        _ => "badge",
    };
}
