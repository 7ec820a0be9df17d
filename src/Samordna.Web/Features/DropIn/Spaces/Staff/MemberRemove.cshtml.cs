using Microsoft.AspNetCore.Mvc;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>…/personal/medlemmar/{id}/ta-bort: asks before a member is removed from the space, then removes them (RemovedAt).</summary>
public sealed class MemberRemoveModel(SpaceAdmin spaces) : SpaceStaffPage
{
    public SpaceMember Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await spaces.PersonAsync(Space.Id, memberId, cancellationToken);
        if (member is null || member.IsStaff)
        {
            return NotFound();
        }
        Member = member;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await spaces.PersonAsync(Space.Id, memberId, cancellationToken);
        if (member is null)
        {
            return Done("Medlemmen är redan borttagen.", "medlemmar");
        }
        if (member.IsStaff)
        {
            return NotFound();
        }
        await spaces.RemoveMemberAsync(Space, member, cancellationToken);
        return Done($"{member.DisplayName} är borttagen från {Space.Name}. Hen kan inte längre läsa eller skriva där.", "medlemmar");
    }
}
