using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// /motesplats/{space}/om, public: the space's description and house rules, its weekly hours, the coming days that
/// differ, whether it is open now, the physical drop-in and the staff's first names. Not cached ("open now" moves).
/// </summary>
public sealed class AboutModel(DropInAccess access, AppDbContext db, TimeProvider time) : PageModel
{
    public Space Space { get; private set; } = null!;

    public IReadOnlyList<string> Staff { get; private set; } = [];

    public IReadOnlyList<ComingDay> Coming { get; private set; } = [];

    public string State { get; private set; } = "";

    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string space, CancellationToken cancellationToken)
    {
        var found = await access.SpaceAsync(space, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Space = found;
        var now = time.GetUtcNow();
        var state = OpeningSchedule.StateAt(found, now);
        IsOpen = state.IsOpen;
        State = OpeningSchedule.Describe(state, now);
        Coming = SpaceText.ComingChanges(found, now);
        Staff = await db.Set<SpaceMember>().AsNoTracking()
            .Where(m => m.SpaceId == found.Id && m.RemovedAt == null && m.Role == SpaceRole.Staff)
            .OrderBy(m => m.DisplayName).Select(m => m.DisplayName).ToListAsync(cancellationToken);
        return Page();
    }
}
