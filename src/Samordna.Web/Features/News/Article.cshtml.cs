using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>
/// A published article at /nyheter/{yyyy}/{MM}/{slug}. An earlier slug, another year or month, or a differently
/// written address of the same article answers 301 with the current address; drafts and scheduled articles are 404.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ArticleModel(NewsQueries news) : PageModel
{
    public NewsArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string year, string month, string slug, CancellationToken cancellationToken)
    {
        var article = await news.FindPublishedAsync(slug, cancellationToken);
        if (article is null)
        {
            var folded = Slugs.From(slug);
            article = (folded.Length > 0 && folded != slug ? await news.FindPublishedAsync(folded, cancellationToken) : null)
                ?? await news.FindPublishedByEarlierSlugAsync(folded.Length > 0 ? folded : slug, cancellationToken);
            if (article is null)
            {
                return NotFound();
            }
        }
        var canonical = article.Url!;
        var requested = string.Create(CultureInfo.InvariantCulture, $"/nyheter/{year}/{month}/{slug}");
        if (!string.Equals(requested, canonical, StringComparison.Ordinal))
        {
            return RedirectPermanent(canonical + Request.QueryString);
        }
        if (ArticleValidators.IsNotModified(HttpContext, article))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        Article = article;
        return Page();
    }
}
