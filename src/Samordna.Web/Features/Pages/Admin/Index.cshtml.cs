using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Pages.Admin;

/// <summary>Every page of the website, the required ones first.</summary>
public sealed class IndexModel(ContentPageService pages) : PageModel
{
    public IReadOnlyList<ContentPage> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await pages.ListAsync(cancellationToken);
}
