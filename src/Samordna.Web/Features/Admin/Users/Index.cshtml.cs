using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Admin.Users;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Roll { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public sealed record UserRow(Guid Id, string Name, string Login, IReadOnlyList<string> Roles, string Status, string StatusClass, bool TwoFactor, DateTimeOffset? LastSignInAt);

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Inside an EF query: translated to SQL UPPER(), never run with .NET culture rules.
            query = query.Where(u => u.DisplayName.ToUpper().Contains(q) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(q)) || (u.NormalizedUserName != null && u.NormalizedUserName.Contains(q)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(Roll))
        {
            var roleId = await db.Roles.Where(r => r.Name == Roll).Select(r => r.Id).FirstOrDefaultAsync();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        var users = await query.OrderBy(u => u.DisplayName).Take(500).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        Rows = users.Select(u =>
        {
            var (status, css) = u.IsDisabled ? ("Avstängd", "badge-error") : u.PasswordHash is null ? ("Inbjuden", "badge-warn") : ("Aktiv", "badge-ok");
            return new UserRow(u.Id, u.DisplayName, u.Email ?? u.UserName ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
                status, css, u.TwoFactorEnabled, u.LastSignInAt);
        }).ToList();
    }
}
