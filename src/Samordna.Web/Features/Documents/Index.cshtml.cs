using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents;

/// <summary>
/// The public list of documents at /dokument, grouped by year (newest first), filtered by category with
/// ?kategori=styrelseprotokoll. Each entry links to the PDF and says its size and date.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(DocumentQueries documents) : PageModel
{
    public DocumentCategory? Category { get; private set; }

    /// <summary>Set when ?kategori= names no category: the page says so (404) and lists everything.</summary>
    public string? UnknownCategory { get; private set; }

    public IReadOnlyList<IGrouping<int, DocumentListItem>> Years { get; private set; } = [];
    public IReadOnlyDictionary<DocumentCategory, int> Counts { get; private set; } = new Dictionary<DocumentCategory, int>();
    public int Total => Counts.Values.Sum();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "kategori")] string? category, CancellationToken cancellationToken)
    {
        if (category is not null)
        {
            Category = DocumentCategories.FromSlug(category);
            if (Category is null)
            {
                UnknownCategory = category.Length <= 40 ? category : category[..40] + "…";
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
        Counts = await documents.CountsAsync(cancellationToken);
        var items = await documents.ListAsync(Category, cancellationToken);
        Years = items.GroupBy(d => d.Year).ToList();
        return Page();
    }
}
