using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Sms;

namespace Samordna.Web.Features.Admin.Mail;

/// <summary>Every SMS the system has queued or sent, newest first, with its whole text, for administrators.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SmsModel(AppDbContext db, AuditLog audit, SmsDispatchSignal signal, TimeProvider time, IOptions<SmsOptions> options) : PageModel
{
    public const int PageSize = 50;
    public const string AuditSubject = "OutboxSms";
    public const string RetriedAction = "sms.retried";

    [BindProperty(SupportsGet = true, Name = "mottagare")]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxSms> Messages { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    public SmsOptions Settings => options.Value;

    public static string Swedish(OutboxSmsStatus status) => status switch
    {
        OutboxSmsStatus.Pending => "Väntar",
        OutboxSmsStatus.Sending => "Skickas",
        OutboxSmsStatus.Sent => "Skickat",
        OutboxSmsStatus.Failed => "Misslyckades",
        _ => status.ToString(),
    };

    public static string BadgeClass(OutboxSmsStatus status) => status switch
    {
        OutboxSmsStatus.Sent => "badge badge-ok",
        OutboxSmsStatus.Failed => "badge badge-error",
        OutboxSmsStatus.Sending => "badge badge-warn",
        _ => "badge",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Recipient = Recipient?.Trim();
        OutboxSmsStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<OutboxSmsStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _))
            {
                status = parsed;
            }
            else
            {
                ModelState.AddModelError("status", "Välj en status i listan.");
            }
        }
        string? digits = null;
        if (!string.IsNullOrEmpty(Recipient))
        {
            if (SwedishMobileNumber.TryNormalize(Recipient, out var number, out _))
            {
                digits = number;
            }
            else if (Recipient.Length <= 30 && Recipient.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+'))
            {
                // Part of a number as people type it (070-12…, +4670…): compare without the country or trunk prefix.
                digits = new string(Recipient.Where(char.IsAsciiDigit).ToArray());
                digits = digits.StartsWith("0046", StringComparison.Ordinal) ? digits[4..]
                    : Recipient.TrimStart().StartsWith('+') && digits.StartsWith("46", StringComparison.Ordinal) ? digits[2..]
                    : digits.StartsWith('0') ? digits[1..]
                    : digits;
            }
            else
            {
                ModelState.AddModelError("mottagare", "Skriv hela eller en del av ett mobilnummer, med siffror.");
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var query = db.Set<OutboxSms>().AsNoTracking();
        if (!string.IsNullOrEmpty(digits))
        {
            query = query.Where(x => x.To.Contains(digits));
        }
        if (status is { } s)
        {
            query = query.Where(x => x.Status == s);
        }
        Total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Messages = await query
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        if (Messages.Count > 0)
        {
            await audit.WriteAsync(AuditActions.PersonalDataRead, AuditSubject, null,
                $"{Messages.Count} sms lästes i meddelandevisaren", cancellationToken: cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var sms = await db.Set<OutboxSms>().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (sms is null)
        {
            return NotFound();
        }
        if (sms.Status != OutboxSmsStatus.Failed)
        {
            TempData["Status"] = "Bara ett sms som har misslyckats kan skickas igen.";
            return RedirectToPage();
        }
        sms.Status = OutboxSmsStatus.Pending;
        sms.Attempts = 0;
        sms.NextAttemptAt = time.GetUtcNow();
        sms.LockedUntil = null;
        sms.LockToken = null;
        audit.Add(RetriedAction, AuditSubject, id.ToString(), $"Misslyckat sms till {SwedishMobileNumber.Mask(sms.To)} köades för nya försök");
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        TempData["Status"] = "Sms:et ligger i kön igen och skickas om en stund.";
        return RedirectToPage();
    }

    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Recipient))
        {
            query.Add("mottagare=" + Uri.EscapeDataString(Recipient));
        }
        if (!string.IsNullOrEmpty(Status))
        {
            query.Add("status=" + Uri.EscapeDataString(Status));
        }
        if (page > 1)
        {
            query.Add("sida=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return "/admin/e-post/sms" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
