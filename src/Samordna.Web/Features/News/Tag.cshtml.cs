using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>Public articles with one tag, newest first, at /nyheter/amne/{slug}, ten to a page.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class TagModel(NewsQueries news) : PageModel
{
    public string TagName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public NewsPage Results { get; private set; } = new([], 1, NewsQueries.PageSize, 0);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "sida")] string? page, CancellationToken cancellationToken)
    {
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            return NotFound();
        }
        var name = await news.TagNameAsync(slug, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }
        Results = await news.ListAsync(null, null, pageNumber, cancellationToken, tagSlug: slug);
        if (pageNumber > Results.PageCount)
        {
            return NotFound();
        }
        (TagName, Slug) = (name, slug);
        return Page();
    }

    public string PageUrl(int page) =>
        page <= 1 ? NewsUrls.Tag(Slug) : NewsUrls.Tag(Slug) + "?sida=" + page.ToString(CultureInfo.InvariantCulture);
}
