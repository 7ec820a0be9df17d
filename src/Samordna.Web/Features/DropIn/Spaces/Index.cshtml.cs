using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// /motesplats: for everyone, what the digital drop-in is, that it is invite-only, and each space's hours and the
/// physical drop-in; signed in, the spaces one belongs to; for staff, the spaces they run and their staff pages.
/// Never cached: the page differs per visitor.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Space> Spaces { get; private set; } = [];

    /// <summary>Spaces the visitor is a member of (not staff).</summary>
    public IReadOnlyList<Space> Memberships { get; private set; } = [];

    /// <summary>Spaces the visitor may manage: those they staff, or all for an administrator.</summary>
    public IReadOnlyList<Space> Managed { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Spaces = await db.Set<Space>().AsNoTracking().AsSplitQuery()
            .Include(s => s.OpeningHours).Include(s => s.SpecialDays)
            .OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (DropInAccess.UserIdOf(User) is not { } userId)
        {
            return;
        }
        var mine = await db.Set<SpaceMember>().AsNoTracking()
            .Where(m => m.UserId == userId && m.RemovedAt == null)
            .Select(m => new { m.SpaceId, m.Role })
            .ToListAsync(cancellationToken);
        CanCreate = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded;
        var administrator = CanCreate && User.IsInRole(Roles.Administrator);
        var staffed = mine.Where(m => m.Role == SpaceRole.Staff).Select(m => m.SpaceId).ToHashSet();
        Managed = CanCreate ? Spaces.Where(s => administrator || staffed.Contains(s.Id)).ToList() : [];
        var managedIds = Managed.Select(s => s.Id).ToHashSet();
        var member = mine.Select(m => m.SpaceId).ToHashSet();
        Memberships = Spaces.Where(s => member.Contains(s.Id) && !managedIds.Contains(s.Id)).ToList();
    }
}
