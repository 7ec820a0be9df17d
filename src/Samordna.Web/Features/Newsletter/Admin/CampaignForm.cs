namespace Samordna.Web.Features.Newsletter.Admin;

/// <summary>What the campaign fields partial reads from the create and edit pages.</summary>
public interface ICampaignForm
{
    CampaignInput Input { get; }

    IReadOnlyList<NewsletterList> Lists { get; }
}
