using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Guidance;

/// <summary>/motesplats/{space}/vagledning: what civic guidance is, and a button that opens the member's private thread.</summary>
public sealed class StartModel(DropInAccess access, GuidanceService guidance, Tr t) : PageModel
{
    public Space Space { get; private set; } = null!;

    private SpaceMember Member { get; set; } = null!;

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string space, CancellationToken cancellationToken)
    {
        if (await LoadAsync(space, cancellationToken) is { } result)
        {
            return result;
        }
        if (Member.IsStaff)
        {
            // Staff find every thread in the room's list.
            return Redirect($"{DropInModule.BasePath}/{Space.Slug}");
        }
        return await guidance.ThreadOfAsync(Member, cancellationToken) is { } thread
            ? Redirect($"{DropInModule.BasePath}/{Space.Slug}/{thread.Slug}")
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(string space, CancellationToken cancellationToken)
    {
        if (await LoadAsync(space, cancellationToken) is { } result)
        {
            return result;
        }
        if (Member.IsStaff)
        {
            return Redirect($"{DropInModule.BasePath}/{Space.Slug}");
        }
        var thread = await guidance.StartAsync(Member, cancellationToken);
        return Redirect($"{DropInModule.BasePath}/{Space.Slug}/{thread.Slug}#chat-composer");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var space = await access.SpaceAsync(slug, cancellationToken);
        if (space is null)
        {
            return NotFound();
        }
        Space = space;
        if (await access.MemberAsync(space.Id, User, cancellationToken) is not { } member)
        {
            Refusal = t["Du är inte medlem i den här mötesplatsen. Personalen kan skicka en inbjudan till dig."];
            var page = Page();
            page.StatusCode = StatusCodes.Status403Forbidden;
            return page;
        }
        Member = member;
        return null;
    }
}
