using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Newsletter;

/// <summary>The "Avsluta prenumerationen" link in each e-mail: one button. (Mail programs' one-click button posts to <see cref="NewsletterModule.OneClickPath"/> instead.)</summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(NewsletterTokens tokens, SubscriptionService subscriptions) : PageModel
{
    [FromQuery(Name = "t")]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
        Valid = tokens.ReadManagement(Token) is not null;
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var id = tokens.ReadManagement(Token);
        Valid = id is not null;
        if (id is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await subscriptions.UnsubscribeAsync(id.Value, cancellationToken);
        Done = true;
    }
}
