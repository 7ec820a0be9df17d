using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Web.Features.Newsletter;

/// <summary>What an editor writes for a campaign.</summary>
public sealed class CampaignInput
{
    [Display(Name = "Ämnesrad")]
    [ValidateNever]
    public string Subject { get; set; } = "";

    [Display(Name = "Förhandstext")]
    [ValidateNever]
    public string Preheader { get; set; } = "";

    [Display(Name = "Text")]
    [ValidateNever]
    public string Body { get; set; } = "";

    public bool IncludeNews { get; set; }

    public bool IncludeEvents { get; set; }

    public List<int> ListIds { get; set; } = [];

    /// <summary>Adds a Swedish message for every problem; true when there is none.</summary>
    public bool Validate(ModelStateDictionary modelState, string prefix, IReadOnlyCollection<int> knownLists)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(knownLists);
        Subject = (Subject ?? "").Trim();
        Preheader = (Preheader ?? "").Trim();
        Body = (Body ?? "").Trim();
        var valid = true;
        void Error(string field, string message)
        {
            modelState.AddModelError($"{prefix}.{field}", message);
            valid = false;
        }
        if (Subject.Length == 0)
        {
            Error(nameof(Subject), "Skriv en ämnesrad.");
        }
        else if (Subject.Length > Campaign.SubjectMaxLength)
        {
            Error(nameof(Subject), $"Ämnesraden får vara högst {Campaign.SubjectMaxLength} tecken.");
        }
        else if (Subject.Any(char.IsControl))
        {
            Error(nameof(Subject), "Ämnesraden ska vara en enda rad.");
        }
        if (Preheader.Length > Campaign.PreheaderMaxLength)
        {
            Error(nameof(Preheader), $"Förhandstexten får vara högst {Campaign.PreheaderMaxLength} tecken.");
        }
        else if (Preheader.Any(char.IsControl))
        {
            Error(nameof(Preheader), "Förhandstexten ska vara en enda rad.");
        }
        if (Body.Length == 0)
        {
            Error(nameof(Body), "Skriv nyhetsbrevets text.");
        }
        else if (Body.Length > 100_000)
        {
            Error(nameof(Body), "Texten är för lång (högst 100 000 tecken).");
        }
        ListIds = [.. ListIds.Distinct()];
        if (ListIds.Count == 0)
        {
            Error(nameof(ListIds), "Välj minst en lista att skicka till.");
        }
        else if (ListIds.Any(id => !knownLists.Contains(id)))
        {
            Error(nameof(ListIds), "Välj bland listorna som visas.");
        }
        return valid;
    }
}

/// <summary>How far a campaign has come: the numbers behind the progress bar.</summary>
public sealed record CampaignProgress(string Status, int Total, int Sent, int Failed, int Skipped, int Remaining)
{
    public int Done => Sent + Failed + Skipped;

    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Done / Total);
}

/// <summary>The editors' side of campaigns: drafts, previews, test sends, scheduling and progress.</summary>
public sealed class CampaignService(AppDbContext db, TimeProvider time, CampaignRenderer renderer, IServiceProvider services,
    IEmailOutbox outbox, CampaignSignal signal, IOptions<NewsletterOptions> options)
{
    private DbSet<Campaign> Campaigns => db.Set<Campaign>();

    public Task<Campaign?> FindAsync(int id, CancellationToken cancellationToken) =>
        Campaigns.Include(c => c.Lists).ThenInclude(l => l.List).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Campaign> CreateAsync(CampaignInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var campaign = new Campaign { Status = CampaignStatus.Draft, CreatedAt = now };
        Apply(campaign, input, user, now);
        Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Saves a draft; false when the campaign is no longer a draft (scheduled or sent meanwhile).</summary>
    public async Task<bool> UpdateAsync(Campaign campaign, CampaignInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(input);
        if (campaign.Status != CampaignStatus.Draft)
        {
            return false;
        }
        Apply(campaign, input, user, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static void Apply(Campaign campaign, CampaignInput input, ClaimsPrincipal user, DateTimeOffset now)
    {
        campaign.Subject = input.Subject;
        campaign.Preheader = input.Preheader;
        campaign.Body = input.Body;
        campaign.IncludeNews = input.IncludeNews;
        campaign.IncludeEvents = input.IncludeEvents;
        campaign.UpdatedAt = now;
        campaign.UpdatedByName = user.Identity?.Name ?? "";
        campaign.Lists.RemoveAll(l => !input.ListIds.Contains(l.ListId));
        foreach (var id in input.ListIds.Where(id => campaign.Lists.All(l => l.ListId != id)))
        {
            campaign.Lists.Add(new CampaignList { ListId = id });
        }
    }

    /// <summary>Schedules a draft for <paramref name="at"/> (now or later). The sender picks it up then.</summary>
    public async Task<bool> ScheduleAsync(int id, DateTimeOffset at, string baseUrl, CancellationToken cancellationToken)
    {
        var scheduled = await Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Draft && c.Lists.Any())
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, CampaignStatus.Scheduled)
                .SetProperty(x => x.ScheduledAt, at)
                .SetProperty(x => x.BaseUrl, baseUrl), cancellationToken);
        if (scheduled > 0 && at <= time.GetUtcNow())
        {
            signal.Wake();
        }
        return scheduled > 0;
    }

    /// <summary>Takes a scheduled campaign back to draft, if it has not started.</summary>
    public async Task<bool> UnscheduleAsync(int id, CancellationToken cancellationToken) =>
        await Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, CampaignStatus.Draft)
                .SetProperty(x => x.ScheduledAt, (DateTimeOffset?)null), cancellationToken) > 0;

    public async Task<bool> DeleteDraftAsync(int id, CancellationToken cancellationToken) =>
        await Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Draft).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<CampaignProgress> ProgressAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var counts = await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaign.Id)
            .GroupBy(d => d.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(DeliveryStatus status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        var total = counts.Sum(c => c.Count);
        return new CampaignProgress(StatusName(campaign.Status), total, Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed),
            Count(DeliveryStatus.Skipped), Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Sending));
    }

    /// <summary>How many confirmed subscribers the chosen lists reach now.</summary>
    public Task<int> ReachAsync(IReadOnlyCollection<int> listIds, CancellationToken cancellationToken) =>
        db.Set<Subscriber>().CountAsync(s => s.Status == SubscriberStatus.Confirmed && s.Subscriptions.Any(x => listIds.Contains(x.ListId)), cancellationToken);

    /// <summary>The campaign as it would be sent now (with a preview's links in place of a recipient's own).</summary>
    public async Task<RenderedCampaign> RenderAsync(Campaign campaign, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Status is CampaignStatus.Sending or CampaignStatus.Sent && campaign.HtmlBody is not null)
        {
            return new RenderedCampaign(campaign.HtmlBody, campaign.TextBody ?? "", campaign.WebBody ?? "");
        }
        var blocks = await renderer.BlocksAsync(campaign, services, time.GetUtcNow(), cancellationToken);
        var names = await ListNamesAsync(campaign, cancellationToken);
        return renderer.Render(campaign, blocks, names, PublicBase(baseUrl));
    }

    /// <summary>Sends the campaign as it is now to the editor alone, through the outbox, marked as a test.</summary>
    public async Task TestSendAsync(Campaign campaign, string to, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var rendered = await RenderAsync(campaign, baseUrl, cancellationToken);
        var root = PublicBase(baseUrl);
        var note = $"{root}/nyhetsbrev";
        outbox.Enqueue(new EmailMessage(to, "[Provutskick] " + campaign.Subject,
            CampaignRenderer.Personalise(rendered.Html, note, note),
            "PROVUTSKICK: länkarna för att ändra val och avsluta leder i provet till anmälningssidan.\n\n" + CampaignRenderer.Personalise(rendered.Text, note, note)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private string PublicBase(string requestBase) =>
        !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? options.Value.PublicBaseUrl.TrimEnd('/') : requestBase.TrimEnd('/');

    private async Task<List<string>> ListNamesAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var ids = campaign.Lists.Select(l => l.ListId).ToList();
        return await db.Set<NewsletterList>().Where(l => ids.Contains(l.Id)).OrderBy(l => l.SortOrder).Select(l => l.Name).ToListAsync(cancellationToken);
    }

    public static string StatusName(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "Utkast",
        CampaignStatus.Scheduled => "Schemalagt",
        CampaignStatus.Sending => "Skickas",
        CampaignStatus.Sent => "Skickat",
        _ => status.ToString(),
    };
}
