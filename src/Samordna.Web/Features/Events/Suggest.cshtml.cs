using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Events;

/// <summary>
/// "Föreslå ett ämne": anyone may suggest a topic for a future webinar. Limited per address and minute, and a field
/// hidden from people (but not from form-filling robots) drops robots' posts quietly.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
public sealed class SuggestModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public SuggestionInput Input { get; set; } = new();

    /// <summary>The trap: people never see it, so anything in it came from a robot.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            // Looks like success to the robot; nothing is stored.
            TempData["Status"] = ThankYou;
            return RedirectToPage();
        }
        if (!Input.Validate(ModelState) || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.Add(new TopicSuggestion
        {
            Topic = Input.Topic!,
            Details = Input.Details,
            Name = Input.Name,
            Email = Input.Email,
            Organisation = Input.Organisation,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = ThankYou;
        return RedirectToPage();
    }

    private const string ThankYou = "Tack för ditt förslag! Vi läser alla förslag när vi planerar kommande webbinarier.";
}

public sealed class SuggestionInput
{
    public string? Topic { get; set; }

    public string? Details { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Organisation { get; set; }

    public bool Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        Topic = Topic?.Trim();
        Details = string.IsNullOrWhiteSpace(Details) ? null : Details.Trim().ReplaceLineEndings("\n");
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Organisation = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim();
        var ok = RegistrationInput.Required(modelState, "Input.Topic", Topic, TopicSuggestion.TopicMaxLength,
            "Skriv vilket ämne du föreslår.", "Ämnet");
        if (Details is { Length: > TopicSuggestion.DetailsMaxLength })
        {
            ok = RegistrationInput.Fail(modelState, "Input.Details", RegistrationInput.TooLong("Beskrivningen", TopicSuggestion.DetailsMaxLength, Details.Length));
        }
        if (Name is { Length: > EventRegistration.NameMaxLength })
        {
            ok = RegistrationInput.Fail(modelState, "Input.Name", RegistrationInput.TooLong("Namnet", EventRegistration.NameMaxLength, Name.Length));
        }
        if (Email is not null && (!MailAddress.TryCreate(Email, out var address) || address.Address != Email || Email.Length > CalendarEvent.EmailMaxLength))
        {
            ok = RegistrationInput.Fail(modelState, "Input.Email", "Skriv en giltig e-postadress, till exempel namn@kommun.se, eller lämna fältet tomt.");
        }
        if (Organisation is { Length: > EventRegistration.OrganisationMaxLength })
        {
            ok = RegistrationInput.Fail(modelState, "Input.Organisation", RegistrationInput.TooLong("Organisationen", EventRegistration.OrganisationMaxLength, Organisation.Length));
        }
        return ok;
    }
}
