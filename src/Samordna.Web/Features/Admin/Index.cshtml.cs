using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Admin;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public int ActiveUsers { get; private set; }
    public int InvitedUsers { get; private set; }
    public int DisabledUsers { get; private set; }
    public int FailedSignInsLastDay { get; private set; }

    public async Task OnGetAsync()
    {
        ActiveUsers = await db.Users.CountAsync(u => !u.IsDisabled && u.PasswordHash != null);
        InvitedUsers = await db.Users.CountAsync(u => !u.IsDisabled && u.PasswordHash == null);
        DisabledUsers = await db.Users.CountAsync(u => u.IsDisabled);
        var since = time.GetUtcNow().AddDays(-1);
        FailedSignInsLastDay = await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.SignInFailed && a.At >= since);
    }
}
