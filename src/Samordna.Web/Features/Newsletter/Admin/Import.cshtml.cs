using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Newsletter.Admin;

/// <summary>CSV import in two steps: upload and see what would be imported and what is rejected (and why), then import.</summary>
public sealed class ImportModel(SubscriberImport import) : PageModel
{
    private const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Csv { get; set; }

    public ImportPlan? Plan { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Välj en CSV-fil.");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Filen är större än 5 MB. Dela upp den.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using (var reader = new StreamReader(Upload!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            Csv = await reader.ReadToEndAsync(cancellationToken);
        }
        return await PlanAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Csv) || Csv.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Välj en CSV-fil.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var plan = await import.PlanAsync(Csv, cancellationToken);
        if (plan.FileError is not null)
        {
            return await PlanAsync(cancellationToken);
        }
        var added = await import.ImportAsync(plan, cancellationToken);
        TempData["Status"] = $"{added} prenumeranter importerades. {plan.Rejected.Count} rader avvisades.";
        return Redirect("/redaktion/nyhetsbrev/prenumeranter");
    }

    private async Task<IActionResult> PlanAsync(CancellationToken cancellationToken)
    {
        Plan = await import.PlanAsync(Csv ?? "", cancellationToken);
        if (Plan.FileError is not null)
        {
            ModelState.AddModelError(nameof(Upload), Plan.FileError);
            Plan = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
