using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>…/personal/grupper/{id}: the group's members, adding one by pseudonym and removing one.</summary>
public sealed class GroupEditModel(SpaceAdmin spaces, AppDbContext db) : SpaceStaffPage
{
    [BindProperty]
    public string? Pseudonym { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public MemberGroup Group { get; private set; } = null!;

    public IReadOnlyList<SpaceMember> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Pseudonym = Pseudonym?.Trim();
        if (string.IsNullOrEmpty(Pseudonym))
        {
            ModelState.AddModelError(nameof(Pseudonym), "Skriv medlemmens smeknamn.");
            return this.Invalid();
        }
        var normalized = SpaceMember.Normalize(Pseudonym);
        var member = await db.Set<SpaceMember>().SingleOrDefaultAsync(m => m.SpaceId == Space.Id && m.NormalizedDisplayName == normalized && m.RemovedAt == null, cancellationToken);
        if (member is null)
        {
            ModelState.AddModelError(nameof(Pseudonym), $"Ingen medlem i {Space.Name} heter {Pseudonym}. Kontrollera stavningen under Medlemmar.");
            return this.Invalid();
        }
        await spaces.AddToGroupAsync(Space, Group, member, cancellationToken);
        return Done($"{member.DisplayName} är med i {Group.Name}.", $"grupper/{Group.Id}");
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Name = SpaceValidation.Clean(Name)?.ReplaceLineEndings(" ");
        if (!SpaceValidation.Text(ModelState, nameof(Name), Name, MemberGroup.NameMaxLength, "Skriv ett namn på gruppen, till exempel Inflytanderådet.", "Namnet"))
        {
            return this.Invalid();
        }
        if (!await spaces.RenameGroupAsync(Space, Group, Name!, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), $"Det finns redan en grupp som heter {Name} i {Space.Name}. Välj ett annat namn.");
            return this.Invalid();
        }
        return Done($"Gruppen heter nu {Group.Name}.", $"grupper/{Group.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Done("Gruppen är redan borttagen.", "grupper");
        }
        var channels = await spaces.DeleteGroupAsync(Space, Group, cancellationToken);
        if (channels.Count > 0)
        {
            ModelState.AddModelError("", $"Gruppen {Group.Name} kan inte tas bort: kanalen {string.Join(", ", channels.Select(c => "#" + c))} är öppen för den. Ändra kanalens åtkomst eller arkivera den först.");
            return this.Invalid();
        }
        return Done($"Gruppen {Group.Name} är borttagen.", "grupper");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var removed = await spaces.RemoveFromGroupAsync(Space, Group, memberId, cancellationToken);
        return Done(removed ? $"Medlemmen är borttagen ur {Group.Name}." : "Medlemmen var redan borttagen ur gruppen.", $"grupper/{Group.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var group = await db.Set<MemberGroup>().SingleOrDefaultAsync(g => g.Id == id && g.SpaceId == Space.Id, cancellationToken);
        if (group is null)
        {
            return false;
        }
        Group = group;
        Name ??= group.Name;
        Members = await db.Set<MemberGroupMembership>().Where(m => m.GroupId == id && m.Member!.RemovedAt == null)
            .Select(m => m.Member!).OrderBy(m => m.NormalizedDisplayName).ToListAsync(cancellationToken);
        return true;
    }
}
