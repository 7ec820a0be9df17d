using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Web.Features.Admin.Mail;

/// <summary>
/// One e-mail: its headers and text part, its HTML part in a sandboxed frame (served by <see cref="OnGetHtmlAsync"/>
/// under its own strict CSP), a download of the .eml, and a retry for a failed message.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class DetailsModel(
    AppDbContext db,
    EmlWriter writer,
    FileEmailTransport files,
    EmailDispatchSignal signal,
    AuditLog audit,
    TimeProvider time,
    IOptions<EmailOptions> options) : PageModel
{
    /// <summary>The HTML part may not run script, load anything from outside or be framed by another site.</summary>
    public const string HtmlPartPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    public const string AuditSubject = "OutboxEmail";

    /// <summary>Audit action of the retry button.</summary>
    public const string RetriedAction = "email.retried";

    public OutboxEmail Mail { get; private set; } = null!;

    public string MessageId => writer.MessageIdFor(Mail.IdempotencyKey);

    public EmailOptions Settings => options.Value;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await audit.WriteAsync(AuditActions.PersonalDataRead, AuditSubject, id.ToString(), $"E-post till {Mail.To} lästes i e-postvisaren", cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetHtmlAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // Set before the response starts, so the site-wide security headers leave them alone.
        Response.Headers.ContentSecurityPolicy = HtmlPartPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(Mail.HtmlBody, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetEmlAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await audit.WriteAsync(AuditActions.PersonalDataExported, AuditSubject, id.ToString(), $"E-post till {Mail.To} laddades ner som .eml", cancellationToken: cancellationToken);
        var path = files.PathOf(id);
        // The file the File transport wrote, byte for byte; otherwise (SMTP, or not sent yet) the same MIME rendering.
        byte[] bytes;
        if (Settings.UsesFileTransport && System.IO.File.Exists(path))
        {
            bytes = await System.IO.File.ReadAllBytesAsync(path, cancellationToken);
        }
        else
        {
            try
            {
                bytes = await writer.RenderAsync(new OutgoingEmail(Mail.Id, MessageId, Mail.SentAt ?? Mail.CreatedAt, Mail.To,
                    Mail.Subject, Mail.HtmlBody, Mail.TextBody, Mail.Headers), cancellationToken);
            }
            catch (EmailRejectedException)
            {
                // An address System.Net.Mail cannot write (the message failed for the same reason).
                return NotFound();
            }
        }
        return File(bytes, "message/rfc822", $"{id}.eml");
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var mail = await db.Set<OutboxEmail>().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (mail is null)
        {
            return NotFound();
        }
        if (mail.Status != OutboxEmailStatus.Failed)
        {
            Mail = mail;
            ModelState.AddModelError(string.Empty, "Bara ett meddelande som har misslyckats kan skickas igen. Ladda om sidan för att se dess status.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        // A fresh round of attempts; the last error stays visible until a send succeeds.
        mail.Status = OutboxEmailStatus.Pending;
        mail.Attempts = 0;
        mail.NextAttemptAt = time.GetUtcNow();
        mail.LockedUntil = null;
        mail.LockToken = null;
        audit.Add(RetriedAction, AuditSubject, id.ToString(), $"Misslyckad e-post till {mail.To} köades för nya försök");
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        TempData["Status"] = "Meddelandet ligger i kön igen och skickas om en stund.";
        return RedirectToPage(new { id, handler = (string?)null });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var mail = await db.Set<OutboxEmail>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (mail is null)
        {
            return false;
        }
        Mail = mail;
        return true;
    }
}
