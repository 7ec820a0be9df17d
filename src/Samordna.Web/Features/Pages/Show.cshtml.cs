using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Pages;

/// <summary>
/// A content page for everyone: the required pages at /om, /kontakt, /tillganglighet, /personuppgifter and /cookies
/// (routes added in <see cref="PagesModule"/>), the editors' own pages at /sida/{slug}.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[AllowAnonymous]
public sealed class ShowModel(ContentPageService pages) : PageModel
{
    public ContentPage Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        var requiredFromPath = RequiredPages.FromPath(Request.Path);
        if (slug is not null)
        {
            var canonical = slug.ToLowerInvariant();
            if (RequiredPages.IsRequired(canonical) || canonical != slug)
            {
                // /sida/om is the same page as /om, and /sida/Kontakta-Oss the same as /sida/kontakta-oss: send the
                // visitor (and search engines) to the one address.
                return RedirectPermanent(RequiredPages.PathOf(canonical));
            }
        }
        var key = requiredFromPath ?? slug;
        if (string.IsNullOrEmpty(key))
        {
            return NotFound();
        }
        var page = await pages.FindPublishedAsync(key, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Item = page;
        return Page();
    }
}
