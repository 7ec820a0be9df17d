using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>
/// The invite link: a young person creates their own account (pseudonym, password, birth year, the house rules) and
/// lands in the space, signed in on this device. A participant who is already signed in joins with that account.
/// Expired, used, revoked and unknown links each get their own message and nothing else.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.FormRateLimit)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class JoinModel(
    JoinService joins,
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn) : PageModel
{
    [FromRoute(Name = "token")]
    public string Token { get; set; } = "";

    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public Space? Space { get; private set; }

    /// <summary>Why the link does not work; when set, the page shows only this.</summary>
    public string? Problem { get; private set; }

    /// <summary>The signed-in participant joining with their existing account, or null for a new account.</summary>
    public AppUser? Existing { get; private set; }

    /// <summary>Whether the birth year is asked (always for a new account; for an existing one only if unknown).</summary>
    public bool AsksBirthYear { get; private set; } = true;

    public sealed class JoinInput
    {
        public string? Pseudonym { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }

        public int? BirthYear { get; set; }

        public bool AcceptRules { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await PrepareAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } stop)
        {
            return stop;
        }
        var space = Space!;
        var pseudonym = Regex.Replace(Input.Pseudonym ?? "", @"\s+", " ").Trim();
        Input.Pseudonym = pseudonym;
        var nameOk = ValidatePseudonym(pseudonym);
        if (nameOk && !await joins.PseudonymFreeAsync(space.Id, pseudonym, asUserName: Existing is null, cancellationToken))
        {
            NameTaken();
        }

        var birthYear = Input.BirthYear;
        if (!AsksBirthYear)
        {
            birthYear = await KnownBirthYearAsync(Existing!.Id, cancellationToken);
        }
        if (ModelState.GetFieldValidationState("Input.BirthYear") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && joins.CheckBirthYear(space, birthYear) is { } ageProblem)
        {
            ModelState.AddModelError(AsksBirthYear ? "Input.BirthYear" : string.Empty, ageProblem);
        }
        if (!Input.AcceptRules)
        {
            ModelState.AddModelError("Input.AcceptRules", "Du behöver godkänna husreglerna för att gå med.");
        }
        if (Existing is null)
        {
            await ValidatePasswordAsync(pseudonym);
        }
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        var outcome = Existing is null
            ? await joins.JoinAsNewAsync(Lookup!.Invite!, space, pseudonym, Input.Password!, birthYear!.Value, cancellationToken)
            : await joins.JoinAsExistingAsync(Lookup!.Invite!, space, Existing, pseudonym, birthYear!.Value, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return ShowProblem(problem);
        }
        if (outcome.NameTaken)
        {
            NameTaken();
            return this.Invalid();
        }
        if (outcome.PasswordErrors.Count > 0)
        {
            foreach (var error in outcome.PasswordErrors)
            {
                ModelState.AddModelError("Input.Password", error);
            }
            return this.Invalid();
        }
        // A phone stays signed in (30 days, sliding); /konto/enheter lists the device and can end it.
        await signIn.SignInAsync(outcome.User!, isPersistent: true);
        return Redirect($"{DropInModule.BasePath}/{space.Slug}");
    }

    private JoinService.Lookup? Lookup { get; set; }

    /// <summary>Finds the invite and who is asking; returns a finished response when the form must not be shown.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken cancellationToken)
    {
        Lookup = await joins.FindAsync(Token, cancellationToken);
        if (Lookup.Problem is { } problem)
        {
            return ShowProblem(problem);
        }
        Space = Lookup.Space;
        if (User.Identity?.IsAuthenticated == true && User.UserId() is { } userId)
        {
            if (User.IsPrivileged() || !User.IsInRole(Roles.Participant))
            {
                return Stop("Du är inloggad med ett personalkonto. Logga ut först om du vill skapa ett eget konto med inbjudan, eller öppna länken i en annan webbläsare.", StatusCodes.Status409Conflict);
            }
            var membership = await db.Set<SpaceMember>().AsNoTracking()
                .SingleOrDefaultAsync(m => m.SpaceId == Space!.Id && m.UserId == userId, cancellationToken);
            if (membership is not null)
            {
                return membership.RemovedAt is null
                    ? Stop($"Du är redan med i {Space!.Name}.", StatusCodes.Status409Conflict)
                    : Stop($"Du har tagits bort från {Space!.Name}. Prata med personalen om du vill komma tillbaka.", StatusCodes.Status403Forbidden);
            }
            Existing = await users.FindByIdAsync(userId.ToString());
            if (Existing is null)
            {
                return Stop("Ditt konto hittades inte. Logga ut och öppna länken igen.", StatusCodes.Status409Conflict);
            }
            AsksBirthYear = await KnownBirthYearAsync(userId, cancellationToken) is null;
        }
        return null;
    }

    private Task<int?> KnownBirthYearAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Set<SpaceMember>().AsNoTracking()
            .Where(m => m.UserId == userId && m.BirthYear != null)
            .OrderByDescending(m => m.JoinedAt)
            .Select(m => m.BirthYear)
            .FirstOrDefaultAsync(cancellationToken);

    private PageResult ShowProblem(InviteProblem problem) => Stop(InviteProblems.Message(problem), InviteProblems.StatusCode(problem));

    private PageResult Stop(string message, int status)
    {
        Problem = message;
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private bool ValidatePseudonym(string pseudonym)
    {
        if (pseudonym.Length == 0)
        {
            ModelState.AddModelError("Input.Pseudonym", "Välj ett namn som de andra ser dig som.");
            return false;
        }
        if (pseudonym.Length is < SpaceMember.DisplayNameMinLength or > SpaceMember.DisplayNameMaxLength)
        {
            ModelState.AddModelError("Input.Pseudonym", "Namnet ska vara 2–30 tecken.");
            return false;
        }
        if (!PseudonymPattern().IsMatch(pseudonym) || !pseudonym.Any(char.IsLetterOrDigit))
        {
            ModelState.AddModelError("Input.Pseudonym", "Namnet får bara innehålla bokstäver, siffror, mellanslag, - och _.");
            return false;
        }
        return true;
    }

    private void NameTaken() =>
        ModelState.AddModelError("Input.Pseudonym", $"Namnet är upptaget i {Space!.Name}. Välj ett annat.");

    private async Task ValidatePasswordAsync(string pseudonym)
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Välj ett lösenord.");
            return;
        }
        if (Input.Password.Length > 200)
        {
            ModelState.AddModelError("Input.Password", "Lösenordet kan vara högst 200 tecken.");
            return;
        }
        var candidate = new AppUser { UserName = pseudonym, DisplayName = pseudonym };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, Input.Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }
        if (!string.Equals(Input.Password, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Lösenorden är inte likadana.");
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd} _-]+$")]
    private static partial Regex PseudonymPattern();
}
