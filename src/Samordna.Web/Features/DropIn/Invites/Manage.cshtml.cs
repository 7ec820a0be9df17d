using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Sms;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>
/// Staff of a space invite young people by SMS or e-mail, and follow, revoke or re-send their invites. Reached by the
/// Staff policy (staff or administrator, with two-factor); the page itself admits only staff of this space and
/// administrators.
/// </summary>
[EnableRateLimiting(IdentityModule.FormRateLimit)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ManageModel(DropInAccess access, InviteService invites, AppDbContext db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    [FromRoute(Name = "space")]
    public string SpaceSlug { get; set; } = "";

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>Chosen when the form is shown; a second submission of the same form sends nothing more.</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>The invite whose revocation is being confirmed (?aterkalla=id).</summary>
    [BindProperty(SupportsGet = true, Name = "aterkalla")]
    public int? ConfirmRevokeId { get; set; }

    public Space Space { get; private set; } = null!;

    public IReadOnlyList<Invite> Invites { get; private set; } = [];

    public Invite? ToRevoke { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string SenderName { get; private set; } = "";

    public sealed class InviteInput
    {
        [Display(Name = "Mobilnummer")]
        public string? Mobile { get; set; }

        [Display(Name = "E-postadress")]
        public string? Email { get; set; }

        [StringLength(Invite.MessageMaxLength, ErrorMessage = "Meddelandet kan vara högst 500 tecken.")]
        public string? Message { get; set; }

        [Range(InviteService.MinValidDays, InviteService.MaxValidDays, ErrorMessage = "Inbjudan kan gälla 1–30 dagar.")]
        public int ValidDays { get; set; } = Invite.DefaultValidDays;
    }

    public static string StateText(InviteState state) => state switch
    {
        InviteState.Sent => "Skickad",
        InviteState.Used => "Använd",
        InviteState.Expired => "Utgången",
        InviteState.Revoked => "Återkallad",
        _ => state.ToString(),
    };

    public static string StateBadge(InviteState state) => state switch
    {
        InviteState.Used => "badge badge-ok",
        InviteState.Expired => "badge badge-warn",
        InviteState.Revoked => "badge badge-error",
        _ => "badge",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } denied)
        {
            return denied;
        }
        SubmissionId = Guid.NewGuid();
        await LoadAsync(cancellationToken);
        if (ConfirmRevokeId is { } id)
        {
            ToRevoke = Invites.FirstOrDefault(i => i.Id == id);
            if (ToRevoke is null || ToRevoke.StateAt(Now) != InviteState.Sent)
            {
                ToRevoke = null;
                ModelState.AddModelError(string.Empty, "Den inbjudan kan inte återkallas: den finns inte eller är redan använd, utgången eller återkallad.");
                return this.Invalid();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } denied)
        {
            return denied;
        }
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }
        var key = $"dropin-invite:{SubmissionId:N}";
        if (await invites.AlreadySentAsync(key, cancellationToken))
        {
            TempData["Status"] = "Inbjudan är redan skickad.";
            return RedirectToPage();
        }

        var mobile = Input.Mobile?.Trim();
        var emailAddress = Input.Email?.Trim();
        var message = string.IsNullOrWhiteSpace(Input.Message) ? null : Input.Message.Trim();
        InviteService.Request? request = null;
        if (string.IsNullOrEmpty(mobile) && string.IsNullOrEmpty(emailAddress))
        {
            ModelState.AddModelError("Input.Mobile", "Skriv ett mobilnummer eller en e-postadress.");
        }
        else if (!string.IsNullOrEmpty(mobile) && !string.IsNullOrEmpty(emailAddress))
        {
            ModelState.AddModelError("Input.Email", "Fyll i antingen mobilnummer eller e-postadress, inte båda.");
        }
        else if (!string.IsNullOrEmpty(mobile))
        {
            if (!SwedishMobileNumber.TryNormalize(mobile, out var number, out var error))
            {
                ModelState.AddModelError("Input.Mobile", error);
            }
            else if (message is { Length: > InviteService.SmsMessageMaxLength })
            {
                ModelState.AddModelError("Input.Message", $"Ett meddelande i sms kan vara högst {InviteService.SmsMessageMaxLength} tecken (nu {message.Length}). Korta det, eller skicka inbjudan med e-post.");
            }
            else
            {
                request = new InviteService.Request(InviteDelivery.Sms, number, message, Input.ValidDays);
            }
        }
        else if (!IsPlainAddress(emailAddress!))
        {
            ModelState.AddModelError("Input.Email", "Skriv en e-postadress som namn@exempel.se.");
        }
        else
        {
            request = new InviteService.Request(InviteDelivery.Email, emailAddress!, message, Input.ValidDays);
        }
        if (!ModelState.IsValid || request is null)
        {
            await LoadAsync(cancellationToken);
            return this.Invalid();
        }

        var sent = await invites.SendAsync(Space, SenderName, User.UserId()!.Value, request, key, Request.AbsoluteUrl, cancellationToken);
        TempData["Status"] = sent
            ? $"Inbjudan är skickad till {InviteRecipients.Mask(request.Delivery, request.Recipient)}."
            : "Inbjudan är redan skickad.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } denied)
        {
            return denied;
        }
        var invite = await db.Set<Invite>().SingleOrDefaultAsync(i => i.Id == id && i.SpaceId == Space.Id, cancellationToken);
        if (invite is null)
        {
            return NotFound();
        }
        if (!await invites.RevokeAsync(invite, SenderName, cancellationToken))
        {
            return await ConflictAsync("Inbjudan kunde inte återkallas: den är redan använd, utgången eller återkallad.", cancellationToken);
        }
        TempData["Status"] = $"Inbjudan till {invite.RecipientHint} är återkallad. Länken fungerar inte längre.";
        return RedirectToPage(new { aterkalla = (int?)null });
    }

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } denied)
        {
            return denied;
        }
        var invite = await db.Set<Invite>().SingleOrDefaultAsync(i => i.Id == id && i.SpaceId == Space.Id, cancellationToken);
        if (invite is null)
        {
            return NotFound();
        }
        if (!await invites.ResendAsync(Space, invite, SenderName, User.UserId()!.Value, Request.AbsoluteUrl, cancellationToken))
        {
            return await ConflictAsync("Inbjudan kan inte skickas igen: adressen är raderad (inbjudan är använd, återkallad eller utgången). Skicka en ny inbjudan.", cancellationToken);
        }
        TempData["Status"] = $"En ny inbjudan är skickad till {invite.RecipientHint}. Den gamla länken fungerar inte längre.";
        return RedirectToPage(new { aterkalla = (int?)null });
    }

    /// <summary>Staff of this space or an administrator; everyone else is refused.</summary>
    private async Task<IActionResult?> AuthorizeAsync(CancellationToken cancellationToken)
    {
        var space = await access.SpaceAsync(SpaceSlug, cancellationToken);
        if (space is null)
        {
            return NotFound();
        }
        // Who may manage a space is decided in one place, the spaces part's SpaceStaffHandler.
        if (!(await authorization.AuthorizeAsync(User, space, SpaceStaffRequirement.Instance)).Succeeded)
        {
            return Forbid();
        }
        var member = await access.MemberAsync(space.Id, User, cancellationToken);
        SenderName = member is { IsStaff: true }
            ? member.DisplayName
            : User.DisplayName().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "Personalen";
        Space = space;
        Now = time.GetUtcNow();
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Invites = await db.Set<Invite>().AsNoTracking()
            .Where(i => i.SpaceId == Space.Id)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    private async Task<IActionResult> ConflictAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, message);
        SubmissionId = Guid.NewGuid();
        Input = new InviteInput();
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private static bool IsPlainAddress(string address) =>
        address.Length <= Invite.RecipientMaxLength && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
        && parsed.User.All(char.IsAscii) && parsed.Host.Contains('.', StringComparison.Ordinal);
}
