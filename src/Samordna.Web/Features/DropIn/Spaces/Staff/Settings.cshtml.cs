using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>
/// …/personal/installningar: name, description, house rules, age range, the physical drop-in and the holiday
/// rule. Saved only if nobody else saved since the form was opened; otherwise 409 with everything typed kept.
/// </summary>
public sealed class SettingsModel(SpaceAdmin spaces) : SpaceStaffPage
{
    [BindProperty]
    public SpaceSettingsInput Input { get; set; } = new();

    /// <summary>Set after a conflict: the settings as someone else saved them.</summary>
    public SpaceSettingsInput? Saved { get; private set; }

    public void OnGet() => Input = SpaceSettingsInput.From(Space);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.Validate(ModelState) || !ModelState.IsValid)
        {
            return this.Invalid();
        }
        if (!await spaces.UpdateSettingsAsync(Space, Input, cancellationToken))
        {
            return Conflict();
        }
        return Done("Inställningarna är sparade.", "installningar");
    }

    private PageResult Conflict()
    {
        // Someone saved in between: show their version beside the typed text and let the next save replace it.
        var current = SpaceSettingsInput.From(Space);
        Saved = current;
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        ModelState.AddModelError("", "Någon annan har ändrat inställningarna medan du skrev. Det du skrev är inte sparat men finns kvar i formuläret. Jämför med de sparade inställningarna nedan och spara igen om ditt ska gälla.");
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }
}
