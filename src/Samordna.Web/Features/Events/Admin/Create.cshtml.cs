using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>A new event, saved as a draft or published at once.</summary>
public sealed class CreateModel(EventAdminService events, TimeProvider time, IOptionsSnapshot<SiteInfo> site) : EventFormPage
{
    public void OnGet()
    {
        // Sensible defaults: a one-hour webinar at nine, a fortnight ahead, with the editor as contact.
        var start = time.GetUtcNow().AddDays(14);
        var day = EventTime.InputValue(start)[..10];
        Input = new EventInput
        {
            StartsAt = day + "T09:00",
            EndsAt = day + "T10:00",
            Organiser = site.Value.Name,
            ContactName = User.DisplayName(),
            ContactEmail = User.Identity?.Name?.Contains('@', StringComparison.Ordinal) == true ? User.Identity.Name : site.Value.Email,
            Capacity = 50.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(string? intent, CancellationToken cancellationToken)
    {
        if (!Input.Validate(ModelState) || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var publish = intent == PublishIntent;
        var created = await events.CreateAsync(Input, publish, User, cancellationToken);
        TempData["Status"] = publish
            ? $"Evenemanget är publicerat på {created.SharePath}."
            : "Evenemanget är sparat som utkast. Bara redaktörer ser det tills du publicerar.";
        return Redirect($"/redaktion/kalender/{created.Id}");
    }
}
