using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Web.Features.Admin.Mail;

/// <summary>Every e-mail the system has queued or sent, newest first, for administrators.</summary>
public sealed class IndexModel(AppDbContext db, IOptions<EmailOptions> options) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "mottagare")]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxEmail> Mails { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    public EmailOptions Settings => options.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Recipient = Recipient?.Trim();
        OutboxEmailStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<OutboxEmailStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _))
            {
                status = parsed;
            }
            else
            {
                ModelState.AddModelError("status", "Välj en status i listan.");
            }
        }
        if (Recipient is { Length: > OutboxEmail.ToMaxLength })
        {
            ModelState.AddModelError("mottagare", $"Mottagaren kan vara högst {OutboxEmail.ToMaxLength} tecken.");
        }
        if (!ModelState.IsValid)
        {
            // Show the form with the message and the values kept; list nothing rather than something unfiltered.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = db.Set<OutboxEmail>().AsNoTracking();
        if (!string.IsNullOrEmpty(Recipient))
        {
            var term = Recipient.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(); addresses are compared case-insensitively.
            query = query.Where(x => x.To.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (status is { } s)
        {
            query = query.Where(x => x.Status == s);
        }
        Total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Mails = await query
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The list's address with the current filters and another page.</summary>
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
        return "/admin/e-post" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
