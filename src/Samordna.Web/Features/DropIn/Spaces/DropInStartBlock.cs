using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// The start page's block about the digital drop-in: each space's weekly hours and the physical drop-in's address.
/// The start page is cached for everyone, so the block has nothing per visitor and no "open now" (it would go stale).
/// </summary>
public sealed class DropInStartBlock(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var spaces = await db.Set<Space>().AsNoTracking().Include(s => s.OpeningHours)
            .OrderBy(s => s.Name).ToListAsync(HttpContext.RequestAborted);
        return View("/Features/DropIn/Spaces/_DropInStartBlock.cshtml", spaces);
    }
}
