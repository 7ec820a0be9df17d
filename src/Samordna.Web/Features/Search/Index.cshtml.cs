using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Search;

namespace Samordna.Web.Features.Search;

/// <summary>
/// The site search at /sok?q=…&amp;sida=2: news, pages and documents from the platform's search index, best match
/// first, ten to a page, each with its type, date and a highlighted snippet. A GET form, so no antiforgery token is
/// involved and a search can be bookmarked; not output-cached (every query is a new page) and not indexed by robots.
/// </summary>
public sealed class IndexModel(SiteSearch search, IEnumerable<ISearchSource> sources) : PageModel
{
    public const string TooLongMessage = "Sökfrågan är för lång. Använd högst 200 tecken.";

    public string Query { get; private set; } = "";
    public string? Error { get; private set; }
    public SearchResults? Results { get; private set; }
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "sida")] string? page,
        CancellationToken cancellationToken)
    {
        Query = (q ?? "").Trim();
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            return NotFound();
        }
        if (Query.Length > SiteSearch.MaxQueryLength)
        {
            Error = TooLongMessage;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Query.Length == 0)
        {
            return Page();
        }
        Labels = sources.ToDictionary(s => s.Area, s => s.Label, StringComparer.Ordinal);
        Results = await search.SearchAsync(Query, pageNumber, cancellationToken);
        if (pageNumber > 1 && pageNumber > Results.PageCount)
        {
            return NotFound();
        }
        return Page();
    }

    public string PageUrl(int page) =>
        "/sok?q=" + Uri.EscapeDataString(Query) + (page > 1 ? "&sida=" + page.ToString(CultureInfo.InvariantCulture) : "");
}
