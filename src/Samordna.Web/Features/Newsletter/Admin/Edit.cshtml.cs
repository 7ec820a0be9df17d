using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Features.Admin.Mail;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.Newsletter.Admin;

/// <summary>
/// One campaign: edit the draft, preview it, send a test to yourself, send now or schedule; while it goes out, a
/// progress bar that a script refreshes from <see cref="OnGetStatusAsync"/>.
/// </summary>
public sealed class EditModel(CampaignService campaigns, SubscriptionService subscriptions, TimeProvider time) : PageModel, ICampaignForm
{
    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    [BindProperty]
    public DateTime? SendAt { get; set; }

    public IReadOnlyList<NewsletterList> Lists { get; private set; } = [];

    public Campaign Campaign { get; private set; } = null!;

    public CampaignProgress? Progress { get; private set; }

    public RenderedCampaign? Preview { get; private set; }

    public int Reach { get; private set; }

    private string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = new CampaignInput
        {
            Subject = Campaign.Subject,
            Preheader = Campaign.Preheader,
            Body = Campaign.Body,
            IncludeNews = Campaign.IncludeNews,
            IncludeEvents = Campaign.IncludeEvents,
            ListIds = [.. Campaign.Lists.Select(l => l.ListId)],
        };
        if (Campaign.Status is CampaignStatus.Sending or CampaignStatus.Sent)
        {
            Preview = await campaigns.RenderAsync(Campaign, BaseUrl, cancellationToken);
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, "Utkastet är sparat.", null, cancellationToken);

    public Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, null, async () => Preview = await campaigns.RenderAsync(Campaign, BaseUrl, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTestAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, null, async () =>
        {
            var to = User.FindFirstValue(ClaimTypes.Email);
            if (string.IsNullOrEmpty(to))
            {
                TempData["Status"] = "Ditt konto har ingen e-postadress, så provet kunde inte skickas.";
                return;
            }
            await campaigns.TestSendAsync(Campaign, to, BaseUrl, cancellationToken);
            TempData["Status"] = $"Utkastet är sparat och ett prov är på väg till {to}.";
        }, cancellationToken);

    private async Task<IActionResult> SaveAsync(int id, string? status, Func<Task>? then, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Input.Validate(ModelState, "Input", Lists.Select(l => l.Id).ToList()))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await campaigns.UpdateAsync(Campaign, Input, User, cancellationToken))
        {
            TempData["Status"] = "Utskicket är redan schemalagt eller skickat och kan inte ändras.";
            return Redirect($"/redaktion/nyhetsbrev/{id}");
        }
        if (then is not null)
        {
            await then();
        }
        if (status is not null)
        {
            TempData["Status"] = status;
        }
        if (Preview is not null)
        {
            Reach = await campaigns.ReachAsync(Input.ListIds, cancellationToken);
            return Page();
        }
        return Redirect($"/redaktion/nyhetsbrev/{id}");
    }

    public async Task<IActionResult> OnPostSendNowAsync(int id, CancellationToken cancellationToken)
    {
        var ok = await campaigns.ScheduleAsync(id, time.GetUtcNow(), BaseUrl, cancellationToken);
        TempData["Status"] = ok ? "Utskicket går i väg nu. Du kan följa det här." : "Utskicket kunde inte skickas: det är inte ett utkast, eller har ingen lista.";
        return Redirect($"/redaktion/nyhetsbrev/{id}");
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var now = time.GetUtcNow();
        if (SendAt is null)
        {
            ModelState.AddModelError(nameof(SendAt), "Välj datum och klockslag.");
        }
        else if (StockholmTime.FromStockholm(SendAt.Value) <= now)
        {
            ModelState.AddModelError(nameof(SendAt), "Tidpunkten har redan varit. Välj en senare tidpunkt, eller tryck på Skicka nu.");
        }
        if (!ModelState.IsValid)
        {
            FillInput();
            Reach = await campaigns.ReachAsync(Input.ListIds, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var at = StockholmTime.FromStockholm(SendAt!.Value);
        var ok = await campaigns.ScheduleAsync(id, at, BaseUrl, cancellationToken);
        TempData["Status"] = ok ? $"Utskicket är schemalagt till {at.FormatDateTime()}." : "Utskicket kunde inte schemaläggas: det är inte ett utkast, eller har ingen lista.";
        return Redirect($"/redaktion/nyhetsbrev/{id}");
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(int id, CancellationToken cancellationToken)
    {
        var ok = await campaigns.UnscheduleAsync(id, cancellationToken);
        TempData["Status"] = ok ? "Utskicket är ett utkast igen." : "Utskicket har redan börjat skickas.";
        return Redirect($"/redaktion/nyhetsbrev/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var ok = await campaigns.DeleteDraftAsync(id, cancellationToken);
        TempData["Status"] = ok ? "Utkastet är borttaget." : "Bara utkast kan tas bort.";
        return Redirect(ok ? "/redaktion/nyhetsbrev" : $"/redaktion/nyhetsbrev/{id}");
    }

    /// <summary>The e-mail's HTML for the preview frame: no script, nothing loaded from outside, framed only by this site.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var rendered = await campaigns.RenderAsync(Campaign, BaseUrl, cancellationToken);
        Response.Headers.ContentSecurityPolicy = DetailsModel.HtmlPartPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(CampaignRenderer.Personalise(rendered.Html, "#", "#"), "text/html; charset=utf-8");
    }

    /// <summary>The progress bar's numbers, polled by wwwroot/js/newsletter-progress.js.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var progress = await campaigns.ProgressAsync(Campaign, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            status = progress.Status,
            done = Campaign.Status == CampaignStatus.Sent,
            total = progress.Total,
            sent = progress.Sent,
            failed = progress.Failed,
            skipped = progress.Skipped,
            remaining = progress.Remaining,
            percent = progress.Percent,
        });
    }

    private void FillInput() => Input = new CampaignInput
    {
        Subject = Campaign.Subject,
        Preheader = Campaign.Preheader,
        Body = Campaign.Body,
        IncludeNews = Campaign.IncludeNews,
        IncludeEvents = Campaign.IncludeEvents,
        ListIds = [.. Campaign.Lists.Select(l => l.ListId)],
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Lists = await subscriptions.ListsAsync(cancellationToken);
        if (campaign.Status is CampaignStatus.Sending or CampaignStatus.Sent)
        {
            Progress = await campaigns.ProgressAsync(campaign, cancellationToken);
        }
        if (campaign.Status == CampaignStatus.Draft)
        {
            Reach = await campaigns.ReachAsync([.. campaign.Lists.Select(l => l.ListId)], cancellationToken);
        }
        return true;
    }
}
