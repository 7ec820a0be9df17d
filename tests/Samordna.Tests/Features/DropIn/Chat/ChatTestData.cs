using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.DropIn.Chat;

/// <summary>A space made for one test: #allmänt (all members), #personalrummet (staff), #inflytanderadet (a group).</summary>
public sealed record ChatSpace(int Id, string Slug, int General, int StaffRoom, int Council, int CouncilGroup);

/// <summary>A member of a test space, signed in: a cookie-keeping client and the cookie header for the hub.</summary>
public sealed record ChatPerson(TestUser User, int MemberId, string Name, HttpClient Client, string Cookie);

internal static class ChatTestData
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<ChatSpace> CreateChatSpaceAsync(this SamordnaFactory factory, OpenOverride open = OpenOverride.Open) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var slug = "rum-" + Guid.NewGuid().ToString("N")[..10];
            var space = new Space
            {
                Slug = slug,
                Name = "Testrummet " + slug[4..],
                Description = "Ett rum för ett test.",
                Override = open,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
                // Tuesday 13–16; the test clock starts on Tuesday 24 November 2026 at 10.00 in Stockholm (closed).
                OpeningHours = [new OpeningHoursRule { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(13, 0), Closes = new TimeOnly(16, 0) }],
            };
            db.Add(space);
            await db.SaveChangesAsync(Ct);
            var group = new MemberGroup { SpaceId = space.Id, Name = "Inflytanderådet" };
            db.Add(group);
            await db.SaveChangesAsync(Ct);
            var general = new Channel { SpaceId = space.Id, Slug = "allmant", Name = "allmänt", Access = ChannelAccess.AllMembers, SortOrder = 0, CreatedAt = now };
            var staff = new Channel { SpaceId = space.Id, Slug = "personalrummet", Name = "personalrummet", Access = ChannelAccess.Staff, SortOrder = 1, CreatedAt = now };
            var council = new Channel { SpaceId = space.Id, Slug = "inflytanderadet", Name = "inflytanderådet", Access = ChannelAccess.Group, GroupId = group.Id, SortOrder = 2, CreatedAt = now };
            db.AddRange(general, staff, council);
            await db.SaveChangesAsync(Ct);
            return new ChatSpace(space.Id, slug, general.Id, staff.Id, council.Id, group.Id);
        });

    /// <summary>A new account, a member (or staff) of the space under <paramref name="name"/>, signed in through the pages.</summary>
    public static async Task<ChatPerson> AddMemberAsync(this SamordnaFactory factory, ChatSpace space, string name, SpaceRole role = SpaceRole.Member)
    {
        var user = await factory.CreateUserAsync(role == SpaceRole.Staff ? Roles.Staff : Roles.Participant, displayName: name);
        var memberId = await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var member = new SpaceMember
            {
                SpaceId = space.Id,
                UserId = user.Id,
                DisplayName = name,
                NormalizedDisplayName = SpaceMember.Normalize(name),
                Role = role,
                BirthYear = role == SpaceRole.Member ? 2005 : null,
                JoinedAt = now,
                RulesAcceptedAt = now,
            };
            db.Add(member);
            await db.SaveChangesAsync(Ct);
            return member.Id;
        });
        var (client, cookie) = await factory.SignInWithCookieAsync(user);
        return new ChatPerson(user, memberId, name, client, cookie);
    }

    /// <summary>A signed-in account that is not a member of any space.</summary>
    public static async Task<ChatPerson> OutsiderAsync(this SamordnaFactory factory)
    {
        var user = await factory.CreateUserAsync(Roles.Participant, displayName: "Utomstående");
        var (client, cookie) = await factory.SignInWithCookieAsync(user);
        return new ChatPerson(user, 0, "Utomstående", client, cookie);
    }

    public static Task<HubClient> ConnectAsync(this SamordnaFactory factory, ChatPerson person, string? origin = null) =>
        HubClient.ConnectAsync(factory.Server, person.Cookie, origin, Ct);

    /// <summary>Signs in through the login pages as SamordnaFactory.SignInAsync does, keeping the cookies where the hub client can read them.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInWithCookieAsync(this SamordnaFactory factory, TestUser user)
    {
        var baseAddress = new Uri("http://localhost");
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
        var response = await client.SubmitFormAsync("/konto/logga-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        if (user.AuthenticatorKey is not null)
        {
            response = await client.SubmitFormAsync(response.Headers.Location!.OriginalString, new()
            {
                ["Input.Code"] = Totp.Code(user.AuthenticatorKey, TimeProvider.System.GetUtcNow()),
            });
        }
        if ((int)response.StatusCode is < 300 or > 399)
        {
            throw new InvalidOperationException($"Sign-in of {user.Email} answered {(int)response.StatusCode}.");
        }
        return (client, cookies.GetCookieHeader(baseAddress));
    }
}
