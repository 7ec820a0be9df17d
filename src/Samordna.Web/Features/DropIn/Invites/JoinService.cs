using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>
/// Turns an invite into a membership, in one transaction: the invite is claimed first with a conditional update
/// (<c>UPDATE … WHERE UsedAt IS NULL AND RevokedAt IS NULL AND ExpiresAt &gt; now</c>), so of two people using the
/// same link at once exactly one gets through; then the account (for a newcomer) and the membership are created, and
/// the address the invite went to is erased.
/// </summary>
public sealed class JoinService(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider time)
{
    /// <summary>Where a token leads: the open invite and its space, or why not.</summary>
    public sealed record Lookup(Invite? Invite, Space? Space, InviteProblem? Problem);

    public async Task<Lookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!InviteTokens.LooksValid(token))
        {
            return new Lookup(null, null, InviteProblem.Unknown);
        }
        var hash = InviteTokens.Hash(token!);
        var invite = await db.Set<Invite>().AsNoTracking().Include(i => i.Space)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invite?.Space is null)
        {
            return new Lookup(null, null, InviteProblem.Unknown);
        }
        var problem = invite.StateAt(time.GetUtcNow()) switch
        {
            InviteState.Used => InviteProblem.Used,
            InviteState.Revoked => InviteProblem.Revoked,
            InviteState.Expired => InviteProblem.Expired,
            _ => (InviteProblem?)null,
        };
        return new Lookup(invite, invite.Space, problem);
    }

    /// <summary>The year to check ages against: the current year in Stockholm.</summary>
    public int CurrentYear => time.GetUtcNow().ToStockholm().Year;

    /// <summary>Null when the birth year fits the space's age range in the current year; otherwise the message.</summary>
    public string? CheckBirthYear(Space space, int? birthYear)
    {
        ArgumentNullException.ThrowIfNull(space);
        var range = $"Mötesplatsen är till för dig som är {space.MinAge}–{space.MaxAge} år.";
        if (birthYear is null)
        {
            return "Skriv ditt födelseår med fyra siffror, t.ex. " + (CurrentYear - space.MinAge).ToString(CultureInfo.InvariantCulture) + ".";
        }
        var age = CurrentYear - birthYear.Value;
        return age < space.MinAge || age > space.MaxAge ? range : null;
    }

    /// <summary>Whether the pseudonym is free in the space and, for a new account, as a user name.</summary>
    public async Task<bool> PseudonymFreeAsync(int spaceId, string pseudonym, bool asUserName, CancellationToken cancellationToken)
    {
        var normalized = SpaceMember.Normalize(pseudonym);
        if (await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == spaceId && m.NormalizedDisplayName == normalized, cancellationToken))
        {
            return false;
        }
        return !asUserName || await users.FindByNameAsync(pseudonym) is null;
    }

    public sealed record Outcome(AppUser? User, InviteProblem? Problem, IReadOnlyList<string> PasswordErrors, bool NameTaken)
    {
        public bool Succeeded => User is not null;
    }

    /// <summary>Creates the account and membership from the invite. Validation of the input is the caller's.</summary>
    public async Task<Outcome> JoinAsNewAsync(Invite invite, Space space, string pseudonym, string password, int birthYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(space);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(invite.Id, now, cancellationToken))
        {
            return new Outcome(null, await ProblemOfAsync(invite.Id, cancellationToken), [], false);
        }
        var user = new AppUser
        {
            UserName = pseudonym,
            DisplayName = pseudonym,
            CreatedAt = now,
            // No e-mail: the pseudonym is the sign-in name. Lockout protects the password like everyone else's.
            LockoutEnabled = true,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Outcome(null, null, [], true);
        }
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            var nameTaken = created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName));
            return new Outcome(null, null, nameTaken ? [] : created.Errors.Select(e => e.Description).ToList(), nameTaken);
        }
        var role = await users.AddToRoleAsync(user, Roles.Participant);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("The Participant role could not be given: " + string.Join("; ", role.Errors.Select(e => e.Description)));
        }
        return await AddMemberAsync(transaction, invite, space, user, pseudonym, birthYear, now, cancellationToken);
    }

    /// <summary>A signed-in participant joins another space with their existing account.</summary>
    public async Task<Outcome> JoinAsExistingAsync(Invite invite, Space space, AppUser user, string pseudonym, int birthYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(space);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(invite.Id, now, cancellationToken))
        {
            return new Outcome(null, await ProblemOfAsync(invite.Id, cancellationToken), [], false);
        }
        return await AddMemberAsync(transaction, invite, space, user, pseudonym, birthYear, now, cancellationToken);
    }

    private async Task<Outcome> AddMemberAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Invite invite, Space space,
        AppUser user, string pseudonym, int birthYear, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = new SpaceMember
        {
            SpaceId = space.Id,
            UserId = user.Id,
            DisplayName = pseudonym,
            NormalizedDisplayName = SpaceMember.Normalize(pseudonym),
            Role = SpaceRole.Member,
            BirthYear = birthYear,
            JoinedAt = now,
            RulesAcceptedAt = now,
        };
        db.Add(member);
        audit.Add(DropInInvitesSetup.JoinedAction, "DropInMember", null, $"{pseudonym} gick med i {space.Name} via inbjudan {invite.Id.ToString(CultureInfo.InvariantCulture)}",
            actorId: user.Id, actorName: user.UserName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The pseudonym was taken in the space by someone who joined a moment earlier.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new Outcome(null, null, [], true);
        }
        await db.Set<Invite>().Where(i => i.Id == invite.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedByMemberId, member.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(user, null, [], false);
    }

    /// <summary>The check-and-set: marks the invite used (and erases its address and personal message) only if it is still open.</summary>
    private Task<int> ClaimRowsAsync(int inviteId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<Invite>()
            .Where(i => i.Id == inviteId && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.UsedAt, now)
                .SetProperty(i => i.Recipient, (string?)null)
                .SetProperty(i => i.Message, (string?)null), cancellationToken);

    private async Task<bool> ClaimAsync(int inviteId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ClaimRowsAsync(inviteId, now, cancellationToken) == 1;

    private async Task<InviteProblem> ProblemOfAsync(int inviteId, CancellationToken cancellationToken)
    {
        var invite = await db.Set<Invite>().AsNoTracking().SingleAsync(i => i.Id == inviteId, cancellationToken);
        return invite.StateAt(time.GetUtcNow()) switch
        {
            InviteState.Revoked => InviteProblem.Revoked,
            InviteState.Expired => InviteProblem.Expired,
            _ => InviteProblem.Used,
        };
    }
}

public enum InviteProblem
{
    Unknown,
    Expired,
    Used,
    Revoked,
}

public static class InviteProblems
{
    public static string Message(InviteProblem problem) => problem switch
    {
        InviteProblem.Expired => "Inbjudan har gått ut. Be personalen om en ny.",
        InviteProblem.Used => "Inbjudan är redan använd. Har du redan ett konto kan du logga in.",
        InviteProblem.Revoked => "Inbjudan har återkallats av personalen. Be personalen om en ny.",
        _ => "Inbjudningslänken fungerar inte. Kontrollera att du fått med hela länken, eller be personalen om en ny.",
    };

    public static int StatusCode(InviteProblem problem) =>
        problem == InviteProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
}
