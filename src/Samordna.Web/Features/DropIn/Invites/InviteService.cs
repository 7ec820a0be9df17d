using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Sms;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>
/// Issues, revokes and re-sends invites. The invite row, its SMS or e-mail and the audit entry are saved together;
/// the same submission id (a double click, a resent form) queues the message once.
/// </summary>
public sealed class InviteService(
    AppDbContext db,
    ISmsOutbox sms,
    IEmailOutbox email,
    AuditLog audit,
    TimeProvider time,
    IOptions<SiteInfo> site)
{
    public const string SentAction = "dropin.invite.sent";
    public const string RevokedAction = "dropin.invite.revoked";
    public const string AuditSubject = "DropInInvite";

    /// <summary>The personal message of an SMS invite is shorter, so the whole SMS stays about three parts at most.</summary>
    public const int SmsMessageMaxLength = 140;

    public const int MinValidDays = 1;
    public const int MaxValidDays = 30;

    /// <summary>An invite to send: to a normalised mobile number (+467…) or an e-mail address.</summary>
    public sealed record Request(InviteDelivery Delivery, string Recipient, string? Message, int ValidDays);

    /// <summary>Whether a message with this idempotency key is already queued: the form was submitted before.</summary>
    public async Task<bool> AlreadySentAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<OutboxSms>().AnyAsync(x => x.IdempotencyKey == key, cancellationToken)
        || await db.Set<OutboxEmail>().AnyAsync(x => x.IdempotencyKey == key, cancellationToken);

    /// <summary>
    /// Creates the invite and queues its message, then saves. Returns false when another request with the same key
    /// got there first (nothing is saved then).
    /// </summary>
    public async Task<bool> SendAsync(Space space, string senderName, Guid senderId, Request request, string key,
        Func<string, string> absoluteUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(absoluteUrl);
        var now = time.GetUtcNow();
        var token = InviteTokens.NewToken();
        var invite = new Invite
        {
            SpaceId = space.Id,
            TokenHash = InviteTokens.Hash(token),
            Delivery = request.Delivery,
            Recipient = request.Recipient,
            RecipientHint = InviteRecipients.Mask(request.Delivery, request.Recipient),
            Message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim(),
            CreatedByUserId = senderId,
            CreatedByName = senderName,
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ValidDays),
        };
        db.Add(invite);
        var link = absoluteUrl(InviteTokens.PathFor(token));
        if (request.Delivery == InviteDelivery.Sms)
        {
            sms.Enqueue(new SmsMessage(request.Recipient, SmsText(space, senderName, invite, link), key));
            if (!db.Set<OutboxSms>().Local.Any(x => x.IdempotencyKey == key))
            {
                db.Entry(invite).State = EntityState.Detached;
                return false;
            }
        }
        else
        {
            var content = EmailContent(space, senderName, invite, link);
            email.Enqueue(new EmailMessage(request.Recipient, $"{senderName} bjuder in dig till {space.Name}", content.Html, content.Text, key));
            if (!db.Set<OutboxEmail>().Local.Any(x => x.IdempotencyKey == key))
            {
                db.Entry(invite).State = EntityState.Detached;
                return false;
            }
        }
        audit.Add(SentAction, AuditSubject, null,
            $"Inbjudan till {space.Name} skickades med {(request.Delivery == InviteDelivery.Sms ? "sms" : "e-post")} till {invite.RecipientHint}, giltig i {request.ValidDays} dagar");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await AlreadySentAsync(key, cancellationToken))
            {
                // The same form submitted twice at once: the other request sent it.
                return false;
            }
            throw;
        }
        return true;
    }

    /// <summary>Revokes an invite that is still open, erasing the address at once. Returns false if it was not open.</summary>
    public async Task<bool> RevokeAsync(Invite invite, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (invite.StateAt(time.GetUtcNow()) != InviteState.Sent)
        {
            return false;
        }
        Revoke(invite, byName);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends the invite again with a new link (the same address, message and validity); the old link is revoked.
    /// Returns false when the address is already erased (used, revoked, or expired and cleaned up).
    /// </summary>
    public async Task<bool> ResendAsync(Space space, Invite old, string senderName, Guid senderId, Func<string, string> absoluteUrl,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (old.Recipient is null || old.UsedAt is not null || old.RevokedAt is not null)
        {
            return false;
        }
        var days = Math.Clamp((int)Math.Round((old.ExpiresAt - old.CreatedAt).TotalDays), MinValidDays, MaxValidDays);
        var request = new Request(old.Delivery, old.Recipient, old.Message, days);
        Revoke(old, senderName);
        return await SendAsync(space, senderName, senderId, request, $"dropin-invite-resend:{old.Id}", absoluteUrl, cancellationToken);
    }

    private void Revoke(Invite invite, string byName)
    {
        invite.RevokedAt = time.GetUtcNow();
        invite.RevokedByName = byName;
        invite.Recipient = null;
        invite.Message = null;
        audit.Add(RevokedAction, AuditSubject, invite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Inbjudan till {invite.RecipientHint} återkallades");
    }

    /// <summary>Messages are Swedish whatever language the sender's screen is in.</summary>
    private static string SwedishDate(DateTimeOffset instant) =>
        instant.ToStockholm().ToString("d MMMM 'kl.' HH.mm", StockholmTime.Swedish);

    /// <summary>The SMS: short, plain and Swedish; the personal message in the middle.</summary>
    public static string SmsText(Space space, string senderName, Invite invite, string link)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(invite);
        var personal = string.IsNullOrWhiteSpace(invite.Message) ? "" : " " + invite.Message.ReplaceLineEndings(" ").Trim();
        return $"Hej! {senderName} bjuder in dig till {space.Name}, vår digitala mötesplats.{personal} Gå med här (gäller till {SwedishDate(invite.ExpiresAt)}): {link}";
    }

    public EmailContent EmailContent(Space space, string senderName, Invite invite, string link)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(invite);
        var paragraphs = new List<string>
        {
            $"{senderName} på {space.Name} har bjudit in dig till vår digitala mötesplats.",
        };
        if (!string.IsNullOrWhiteSpace(invite.Message))
        {
            paragraphs.Add($"Meddelande från {senderName}:\n{invite.Message}");
        }
        if (!string.IsNullOrWhiteSpace(space.Description))
        {
            paragraphs.Add(space.Description);
        }
        paragraphs.Add($"Mötesplatsen är för dig som är {space.MinAge}–{space.MaxAge} år. Du skapar ett eget konto med ett namn du hittar på själv. Du behöver inte uppge ditt riktiga namn eller din e-postadress.");
        return EmailTemplate.Render(site.Value.Name, $"Välkommen till {space.Name}", paragraphs,
            $"Gå med i {space.Name}", link,
            $"Länken gäller till {SwedishDate(invite.ExpiresAt)} och kan bara användas en gång. Väntade du dig inte det här meddelandet kan du strunta i det.");
    }
}
