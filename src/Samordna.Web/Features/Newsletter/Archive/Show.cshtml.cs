using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Newsletter.Archive;

/// <summary>
/// One sent campaign as a web page: the web version fixed when it was sent (Markdown rendered without raw HTML,
/// plus its blocks), without anyone's personal links.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ShowModel(AppDbContext db) : PageModel
{
    public Campaign Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.Status == CampaignStatus.Sent, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        Item = campaign;
        return Page();
    }
}
