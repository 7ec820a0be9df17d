using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Pages.Admin;

/// <summary>A new page at /sida/{slug}, the slug folded from the title. Preview works before the first save.</summary>
public sealed class CreateModel(ContentPageService pages, PageBodyRenderer renderer) : PageModel
{
    [BindProperty]
    public PageInput Input { get; set; } = new();

    public IHtmlContent? Preview { get; private set; }

    /// <summary>The address the page would get, shown with the preview.</summary>
    public string? ProposedPath { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? intent, CancellationToken cancellationToken)
    {
        if (!(Input.Validate(ModelState) && ModelState.IsValid))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (intent == EditModel.PreviewIntent)
        {
            Preview = renderer.Render(Input.Body);
            ProposedPath = RequiredPages.CustomPrefix + PageSlugs.Fold(Input.Title);
            return Page();
        }
        var page = await pages.CreateAsync(Input, User, cancellationToken);
        TempData["Status"] = $"Sidan skapades och finns nu på {page.Path}. Länka till den från en annan sida, så att besökarna hittar den.";
        return RedirectToPage("/Pages/Admin/Edit", new { id = page.Id });
    }
}
