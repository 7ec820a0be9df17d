namespace Samordna.Web.Platform.Web;

/// <summary>Who runs this installation: shown in the header, footer and e-mails. From the "Association" configuration section.</summary>
public sealed class SiteInfo
{
    public const string Section = "Association";

    public string Name { get; set; } = "Samordningsförbundet";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PostalAddress { get; set; } = "";
    public string OrganisationNumber { get; set; } = "";

    /// <summary>The member organisations (medlemsparter): municipalities, the region, Försäkringskassan, Arbetsförmedlingen.</summary>
    public List<string> Members { get; set; } = [];
}
