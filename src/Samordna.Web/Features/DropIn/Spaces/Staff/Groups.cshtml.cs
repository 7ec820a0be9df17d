using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>…/personal/grupper: the space's named groups (such as Inflytanderådet) with their sizes, and a form for a new one.</summary>
public sealed class GroupsModel(SpaceAdmin spaces, AppDbContext db) : SpaceStaffPage
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<(MemberGroup Group, int Members)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Name = SpaceValidation.Clean(Name)?.ReplaceLineEndings(" ");
        if (!SpaceValidation.Text(ModelState, nameof(Name), Name, MemberGroup.NameMaxLength, "Skriv ett namn på gruppen, till exempel Inflytanderådet.", "Namnet"))
        {
            await LoadAsync(cancellationToken);
            return this.Invalid();
        }
        var group = await spaces.CreateGroupAsync(Space, Name!, cancellationToken);
        TempData["Status"] = $"Gruppen {group.Name} finns. Lägg till medlemmar i den.";
        return Redirect($"{StaffRoot}/grupper/{group.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var groups = await spaces.GroupsAsync(Space.Id, cancellationToken);
        var ids = groups.Select(g => g.Id).ToList();
        var counts = await db.Set<MemberGroupMembership>()
            .Where(m => ids.Contains(m.GroupId) && m.Member!.RemovedAt == null)
            .GroupBy(m => m.GroupId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Groups = groups.Select(g => (g, counts.GetValueOrDefault(g.Id))).ToList();
    }
}
