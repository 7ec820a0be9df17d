using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Newsletter.Admin;

public sealed class CreateModel(CampaignService campaigns, SubscriptionService subscriptions) : PageModel, ICampaignForm
{
    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public IReadOnlyList<NewsletterList> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lists = await subscriptions.ListsAsync(cancellationToken);
        Input.ListIds = Lists.Count > 0 ? [Lists[0].Id] : [];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Lists = await subscriptions.ListsAsync(cancellationToken);
        if (!Input.Validate(ModelState, "Input", Lists.Select(l => l.Id).ToList()))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var campaign = await campaigns.CreateAsync(Input, User, cancellationToken);
        TempData["Status"] = "Utkastet är sparat. Förhandsgranska det och skicka ett prov till dig själv innan du skickar.";
        return Redirect($"/redaktion/nyhetsbrev/{campaign.Id}");
    }
}
