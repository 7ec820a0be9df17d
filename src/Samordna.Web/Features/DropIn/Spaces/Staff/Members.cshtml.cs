using Microsoft.AspNetCore.Mvc;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>
/// …/personal/medlemmar: the members (pseudonym, joined, role, muted) with mute and remove, and the staff list with
/// adding a staff user (an account in the Staff role) under a first name and removing staff, never the last one.
/// </summary>
public sealed class MembersModel(SpaceAdmin spaces, TimeProvider time) : SpaceStaffPage
{
    public const string OneHour = "1h";
    public const string OneDay = "24h";
    public const string UntilLifted = "tills-vidare";

    [BindProperty]
    public Guid? StaffUserId { get; set; }

    [BindProperty]
    public string? StaffName { get; set; }

    public IReadOnlyList<SpaceMember> Members { get; private set; } = [];

    public IReadOnlyList<SpaceMember> Staff { get; private set; } = [];

    public IReadOnlyList<AppUser> Candidates { get; private set; } = [];

    public IReadOnlyList<SpaceMember> Removed { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMuteAsync(int memberId, string? length, CancellationToken cancellationToken)
    {
        var member = await spaces.PersonAsync(Space.Id, memberId, cancellationToken);
        if (member is null || member.IsStaff)
        {
            return Done("Medlemmen finns inte längre i mötesplatsen.", "medlemmar");
        }
        DateTimeOffset? until = length switch
        {
            OneHour => Now.AddHours(1),
            OneDay => Now.AddHours(24),
            UntilLifted => SpaceAdmin.MutedIndefinitely,
            _ => null,
        };
        if (until is null)
        {
            await LoadAsync(cancellationToken);
            ModelState.AddModelError("length", "Välj hur länge medlemmen ska vara tystad.");
            return this.Invalid();
        }
        await spaces.MuteAsync(Space, member, until, cancellationToken);
        var text = length == UntilLifted ? "tills vidare" : "till " + until.Value.FormatDateTime();
        return Done($"{member.DisplayName} är tystad {text}. Hen kan läsa men inte skriva.", "medlemmar");
    }

    public async Task<IActionResult> OnPostUnmuteAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await spaces.PersonAsync(Space.Id, memberId, cancellationToken);
        if (member is null)
        {
            return Done("Medlemmen finns inte längre i mötesplatsen.", "medlemmar");
        }
        if (member.MutedUntil is not null)
        {
            await spaces.MuteAsync(Space, member, null, cancellationToken);
        }
        return Done($"{member.DisplayName} kan skriva igen.", "medlemmar");
    }

    public async Task<IActionResult> OnPostAddStaffAsync(CancellationToken cancellationToken)
    {
        StaffName = SpaceValidation.Clean(StaffName);
        var ok = true;
        if (StaffUserId is null)
        {
            ok = SpaceValidation.Fail(ModelState, nameof(StaffUserId), "Välj vem som ska bli personal i mötesplatsen.");
        }
        ok &= DisplayNameInput.Validate(ModelState, nameof(StaffName), StaffName, "Skriv förnamnet som medlemmarna ska se, till exempel Maria.");
        if (ok)
        {
            switch (await spaces.AddStaffAsync(Space, StaffUserId!.Value, StaffName!, cancellationToken))
            {
                case SpaceAdmin.AddStaffResult.Added:
                    return Done($"{StaffName} är personal i {Space.Name}.", "medlemmar");
                case SpaceAdmin.AddStaffResult.AlreadyStaff:
                    return Done("Hen är redan personal i mötesplatsen.", "medlemmar");
                case SpaceAdmin.AddStaffResult.NameTaken:
                    ModelState.AddModelError(nameof(StaffName), $"Någon i {Space.Name} heter redan {StaffName}. Lägg till en initial, till exempel {StaffName} A.");
                    break;
                default:
                    ModelState.AddModelError(nameof(StaffUserId), "Bara konton med rollen Personal kan bli personal i en mötesplats.");
                    break;
            }
        }
        await LoadAsync(cancellationToken);
        return this.Invalid();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await spaces.RestoreMemberAsync(Space, memberId, cancellationToken);
        return member is null
            ? Done("Medlemmen är redan insläppt igen, eller finns inte.", "medlemmar")
            : Done($"{member.DisplayName} är medlem i {Space.Name} igen.", "medlemmar");
    }

    public async Task<IActionResult> OnPostRemoveStaffAsync(int memberId, CancellationToken cancellationToken)
    {
        var staff = await spaces.PersonAsync(Space.Id, memberId, cancellationToken);
        if (staff is null || !staff.IsStaff)
        {
            return Done("Hen är redan borttagen som personal.", "medlemmar");
        }
        if (!await spaces.RemoveStaffAsync(Space, staff, cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.AddModelError("", $"{staff.DisplayName} är den enda personalen i {Space.Name}. Lägg till någon annan som personal först: en mötesplats behöver minst en.");
            return this.Invalid();
        }
        return Done($"{staff.DisplayName} är inte längre personal i {Space.Name}.", "medlemmar");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var people = await spaces.PeopleAsync(Space.Id, cancellationToken);
        Staff = people.Where(p => p.IsStaff).ToList();
        Members = people.Where(p => !p.IsStaff).ToList();
        Candidates = await spaces.StaffCandidatesAsync(Space.Id, cancellationToken);
        Removed = await spaces.RemovedMembersAsync(Space.Id, cancellationToken);
    }
}
