using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Documents.Admin;

/// <summary>The editors' list of every document (/redaktion/dokument), newest year first.</summary>
public sealed class IndexModel(DocumentQueries documents) : PageModel
{
    public IReadOnlyList<DocumentListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await documents.ListAsync(null, cancellationToken);
}
