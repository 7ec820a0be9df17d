using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Samordna.Web.Features.Newsletter;

/// <summary>The sign-up form's fields.</summary>
public sealed class SignUpInput
{
    [ValidateNever]
    public string Email { get; set; } = "";

    public string? Name { get; set; }

    public List<int> ListIds { get; set; } = [];

    /// <summary>The honeypot: hidden from people (and from screen readers), filled in by form-filling robots.</summary>
    public string? Website { get; set; }

    /// <summary>Adds Swedish messages; the normalised address when valid.</summary>
    public string? Validate(ModelStateDictionary modelState, IReadOnlyCollection<int> knownLists)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(knownLists);
        var email = NewsletterConsent.Normalise(Email, out var error);
        if (email is null)
        {
            modelState.AddModelError("Input.Email", error!);
        }
        if (Name is { Length: > Subscriber.NameMaxLength })
        {
            modelState.AddModelError("Input.Name", $"Namnet får vara högst {Subscriber.NameMaxLength} tecken.");
        }
        ListIds = [.. ListIds.Where(knownLists.Contains).Distinct()];
        if (ListIds.Count == 0)
        {
            modelState.AddModelError("Input.ListIds", "Välj minst ett utskick.");
        }
        return modelState.IsValid ? email : null;
    }
}

/// <summary>What the sign-up form partial needs.</summary>
public sealed class SignUpForm
{
    public SignUpInput Input { get; set; } = new();

    public IReadOnlyList<NewsletterList> Lists { get; set; } = [];

    /// <summary>On the start page: a smaller heading level and a shorter text.</summary>
    public bool Compact { get; set; }
}

/// <summary>The start page's "Vill du ha vårt nyhetsbrev?" block.</summary>
public sealed class NewsletterSignUpBlock(SubscriptionService subscriptions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var lists = await subscriptions.ListsAsync(HttpContext.RequestAborted);
        var form = new SignUpForm
        {
            Lists = lists,
            Compact = true,
            Input = new SignUpInput { ListIds = lists.Count > 0 ? [lists[0].Id] : [] },
        };
        return View("/Features/Newsletter/_SignUpBlock.cshtml", form);
    }
}
