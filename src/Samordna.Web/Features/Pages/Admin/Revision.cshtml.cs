using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Pages.Admin;

/// <summary>One earlier version of a page, as it looked and as it was written, with a button to restore it.</summary>
public sealed class RevisionModel(ContentPageService pages) : PageModel
{
    /// <summary>The page's version when the editor opened this view; restoring is refused if it has moved on.</summary>
    [BindProperty]
    public int CurrentVersion { get; set; }

    public ContentPage Current { get; private set; } = null!;

    public ContentPageRevision Revision { get; private set; } = null!;

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, version, cancellationToken))
        {
            return NotFound();
        }
        CurrentVersion = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var outcome = await pages.RestoreAsync(id, version, CurrentVersion, User, cancellationToken);
        switch (outcome.Status)
        {
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Conflict:
                await LoadAsync(id, version, cancellationToken);
                Conflict = true;
                CurrentVersion = Current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                TempData["Status"] = string.Create(CultureInfo.InvariantCulture,
                    $"Version {version} återställdes och är nu sidans version {outcome.Page!.Version}.");
                return RedirectToPage("/Pages/Admin/Edit", new { id });
        }
    }

    private async Task<bool> LoadAsync(int id, int version, CancellationToken cancellationToken)
    {
        var page = await pages.FindAsync(id, cancellationToken);
        var revision = page is null ? null : await pages.FindRevisionAsync(id, version, cancellationToken);
        if (page is null || revision is null)
        {
            return false;
        }
        Current = page;
        Revision = revision;
        return true;
    }
}
