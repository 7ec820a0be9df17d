using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>/motesplats/ny (Staff policy): a new space, with the creator as its first staff member and the default channels.</summary>
public sealed class CreateModel(SpaceAdmin spaces) : PageModel
{
    [BindProperty]
    public NewSpaceInput Input { get; set; } = new();

    public void OnGet() => Input.DisplayName = FirstName(User.DisplayName());

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.Validate(ModelState) || !ModelState.IsValid || DropInAccess.UserIdOf(User) is not { } userId)
        {
            return this.Invalid();
        }
        var space = await spaces.CreateAsync(Input, userId, cancellationToken);
        if (space is null)
        {
            ModelState.AddModelError("Input.Name", "Det finns redan en mötesplats med det namnet (eller en adress som liknar det). Välj ett annat namn.");
            return this.Invalid();
        }
        TempData["Status"] = $"Mötesplatsen {space.Name} är skapad, med kanalerna #allmänt och #personalrummet. Lägg till öppettider och bjud in medlemmar.";
        return Redirect($"{DropInModule.BasePath}/{space.Slug}/personal/oppettider");
    }

    private static string? FirstName(string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || first.Contains('@', StringComparison.Ordinal) ? null : first;
    }
}
