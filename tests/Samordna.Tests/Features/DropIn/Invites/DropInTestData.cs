using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Invites;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.DropIn.Invites;

/// <summary>Spaces, staff and invites made straight in the database, for the invite tests.</summary>
public static class DropInTestData
{
    public const string Rules = "1. Var snäll mot varandra.\n2. Dela inte andras personuppgifter.\n\n**Personalen** läser med.";

    public static Task<Space> CreateSpaceAsync(this SamordnaFactory factory, string? name = null) =>
        factory.WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var now = factory.Clock.GetUtcNow();
            var space = new Space
            {
                Slug = "hoppet-" + suffix,
                Name = name ?? "HoppetOnline",
                Description = "En digital mötesplats för unga i Upplands Väsby.",
                HouseRules = Rules,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(space);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return space;
        });

    /// <summary>A staff account (two-factor enrolled) that is staff of the space under its first name.</summary>
    public static async Task<TestUser> CreateSpaceStaffAsync(this SamordnaFactory factory, Space space, string firstName = "Tina")
    {
        var user = await factory.CreateUserAsync(Roles.Staff, displayName: firstName + " Claesson");
        await factory.AddMemberAsync(space, user.Id, firstName, SpaceRole.Staff);
        return user;
    }

    public static Task<SpaceMember> AddMemberAsync(this SamordnaFactory factory, Space space, Guid userId, string name, SpaceRole role = SpaceRole.Member, int? birthYear = null) =>
        factory.WithDbAsync(async db =>
        {
            var member = new SpaceMember
            {
                SpaceId = space.Id,
                UserId = userId,
                DisplayName = name,
                NormalizedDisplayName = SpaceMember.Normalize(name),
                Role = role,
                BirthYear = birthYear,
                JoinedAt = factory.Clock.GetUtcNow(),
            };
            db.Add(member);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return member;
        });

    /// <summary>An invite made directly; returns its token (the part of the link the database never sees).</summary>
    public static async Task<(Invite Invite, string Token)> CreateInviteAsync(this SamordnaFactory factory, Space space,
        string recipient = "+46701234567", TimeSpan? expiresIn = null, bool revoked = false, bool used = false, string? message = null)
    {
        var token = InviteTokens.NewToken();
        var now = factory.Clock.GetUtcNow();
        var invite = new Invite
        {
            SpaceId = space.Id,
            TokenHash = InviteTokens.Hash(token),
            Delivery = recipient.StartsWith('+') ? InviteDelivery.Sms : InviteDelivery.Email,
            Recipient = recipient,
            RecipientHint = "+46 70-*** **67",
            Message = message,
            CreatedByUserId = Guid.NewGuid(),
            CreatedByName = "Tina",
            CreatedAt = now.AddDays(-1),
            ExpiresAt = now + (expiresIn ?? TimeSpan.FromDays(6)),
            RevokedAt = revoked ? now.AddMinutes(-5) : null,
            UsedAt = used ? now.AddMinutes(-5) : null,
        };
        await factory.WithDbAsync(async db =>
        {
            db.Add(invite);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return (invite, token);
    }

    public static Task<Invite> ReloadAsync(this SamordnaFactory factory, int inviteId) =>
        factory.WithDbAsync(db => db.Set<Invite>().AsNoTracking().SingleAsync(i => i.Id == inviteId, TestContext.Current.CancellationToken));

    public static string JoinPath(string token) => InviteTokens.PathFor(token);

    public static string ManagePath(Space space) => $"/motesplats/{space.Slug}/personal/inbjudningar";
}
