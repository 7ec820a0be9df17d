using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Pages.Admin;

/// <summary>
/// Edits one page: save (refused when someone else saved since the form was opened, with the editor's text kept),
/// preview without saving, the list of earlier versions, and deleting an editor-made page.
/// </summary>
public sealed class EditModel(ContentPageService pages, PageBodyRenderer renderer) : PageModel
{
    public const string SaveIntent = "save";
    public const string PreviewIntent = "preview";

    [BindProperty]
    public PageInput Input { get; set; } = new();

    /// <summary>The version the editor started from; the save is refused if the page has moved on.</summary>
    [BindProperty]
    public int Version { get; set; }

    public ContentPage Current { get; private set; } = null!;

    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];

    public IHtmlContent? Preview { get; private set; }

    /// <summary>Set when a save was refused because someone else saved first: the page as they left it.</summary>
    public ContentPage? Conflicting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = PageInput.From(Current);
        Version = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var valid = Input.Validate(ModelState) && ModelState.IsValid;
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (intent == PreviewIntent)
        {
            Preview = renderer.Render(Input.Body);
            return Page();
        }

        var outcome = await pages.SaveAsync(id, Version, Input, User, cancellationToken);
        switch (outcome.Status)
        {
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Conflict:
                Conflicting = outcome.Page!;
                Current = outcome.Page!;
                Revisions = await pages.RevisionsAsync(id, cancellationToken);
                // The editor's text stays in the form. Saving again now means "mine wins", having seen theirs.
                ModelState.Remove(nameof(Version));
                Version = Conflicting.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case SaveStatus.Unchanged:
                TempData["Status"] = "Inget var ändrat, så ingen ny version sparades.";
                return RedirectToPage(new { id });
            default:
                TempData["Status"] = string.Create(CultureInfo.InvariantCulture,
                    $"Sidan sparades som version {outcome.Page!.Version}. Den syns nu på {outcome.Page.Path}.");
                return RedirectToPage(new { id });
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await pages.DeleteAsync(id, User, cancellationToken);
        switch (outcome)
        {
            case DeleteOutcome.NotFound:
                return NotFound();
            case DeleteOutcome.Required:
                await LoadAsync(id, cancellationToken);
                Input = PageInput.From(Current);
                Version = Current.Version;
                ModelState.AddModelError(string.Empty, "Den här sidan måste finnas på webbplatsen och kan inte tas bort. Du kan ändra texten i stället.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                TempData["Status"] = "Sidan togs bort.";
                return RedirectToPage("/Pages/Admin/Index");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var page = await pages.FindAsync(id, cancellationToken);
        if (page is null)
        {
            return false;
        }
        Current = page;
        Revisions = await pages.RevisionsAsync(id, cancellationToken);
        return true;
    }
}
