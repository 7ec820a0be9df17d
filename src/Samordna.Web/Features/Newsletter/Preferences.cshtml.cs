using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// The subscriber's own page, behind the signed link in every e-mail: choose lists, leave, download everything
/// stored (JSON or CSV) and erase it. No account and no password: the link is the key.
/// </summary>
[AllowAnonymous]
public sealed class PreferencesModel(NewsletterTokens tokens, SubscriptionService subscriptions) : PageModel
{
    [FromQuery(Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<int> ListIds { get; set; } = [];

    public Subscriber? Subscriber { get; private set; }

    public IReadOnlyList<NewsletterList> Lists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }
        Name = Subscriber!.Name;
        ListIds = Subscriber.Status is SubscriberStatus.Confirmed or SubscriberStatus.Pending ? [.. Subscriber.Subscriptions.Select(s => s.ListId)] : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }
        if (Name is { Length: > Newsletter.Subscriber.NameMaxLength })
        {
            ModelState.AddModelError(nameof(Name), $"Namnet får vara högst {Newsletter.Subscriber.NameMaxLength} tecken.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await subscriptions.UpdateAsync(Subscriber!, Name, ListIds, cancellationToken);
        TempData["Status"] = Subscriber!.Status == SubscriberStatus.Confirmed
            ? "Dina val är sparade."
            : "Dina val är sparade. Du får inga fler utskick från oss.";
        return Redirect(Self());
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }
        await subscriptions.UnsubscribeAsync(Subscriber!.Id, cancellationToken);
        TempData["Status"] = "Du prenumererar inte längre. Du får inga fler utskick från oss.";
        return Redirect(Self());
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }
        await subscriptions.DeleteAsync(Subscriber!.Id, cancellationToken);
        TempData["Status"] = "Dina uppgifter är raderade ur vårt register.";
        return Redirect("/nyhetsbrev");
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }
        var export = await subscriptions.ExportAsync(Subscriber!, cancellationToken);
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? File(export.ToCsv(), "text/csv; charset=utf-8", "mina-uppgifter-nyhetsbrev.csv")
            : File(export.ToJson(), "application/json; charset=utf-8", "mina-uppgifter-nyhetsbrev.json");
    }

    private string Self() => "/nyhetsbrev/installningar?t=" + Uri.EscapeDataString(Token ?? "");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var id = tokens.ReadManagement(Token);
        Subscriber = id is null ? null : await subscriptions.FindAsync(id.Value, cancellationToken);
        if (Subscriber is null)
        {
            Response.StatusCode = id is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
            return false;
        }
        Lists = await subscriptions.ListsAsync(cancellationToken);
        return true;
    }
}
