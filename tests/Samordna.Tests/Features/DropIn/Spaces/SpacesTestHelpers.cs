using System.Collections.Concurrent;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.DropIn.Spaces;

/// <summary>The application with a recorder in place of the chat's member events, so tests see what the chat would be told.</summary>
public class SpacesFactory : SamordnaFactory
{
    public RecordingMemberEvents Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IDropInMemberEvents>(Events)));
    }
}

public sealed class RecordingMemberEvents : IDropInMemberEvents
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task MemberRemovedAsync(int spaceId, int memberId, Guid userId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"removed {spaceId}/{memberId}");
        return Task.CompletedTask;
    }

    public Task MemberMutedAsync(int spaceId, int memberId, Guid userId, DateTimeOffset? mutedUntil, CancellationToken cancellationToken)
    {
        Calls.Enqueue(mutedUntil is null ? $"unmuted {spaceId}/{memberId}" : $"muted {spaceId}/{memberId}");
        return Task.CompletedTask;
    }

    public Task AccessChangedAsync(int spaceId, int? memberId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"access {spaceId}/{memberId}");
        return Task.CompletedTask;
    }
}

internal static class SpacesTestHelpers
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A space written straight into the database: Monday 17–19 and Tuesday 13–16, a physical drop-in and the default channels.</summary>
    public static Task<Space> InsertSpaceAsync(this SamordnaFactory factory, Action<Space>? configure = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var id = Guid.NewGuid().ToString("N")[..8];
            var space = new Space
            {
                Slug = "plats-" + id,
                Name = "Plats " + id,
                Description = "En mötesplats för test.",
                HouseRules = "- Var schysst.",
                PhysicalDropIn = "Tisdagar 10–15 på **Hoppet**.",
                PhysicalAddress = "Runbyvägen 11, Upplands Väsby",
                CreatedAt = now.AddDays(-10),
                UpdatedAt = now.AddDays(-10),
                Version = Guid.NewGuid(),
            };
            space.OpeningHours.Add(new OpeningHoursRule { Day = DayOfWeek.Monday, Opens = new TimeOnly(17, 0), Closes = new TimeOnly(19, 0) });
            space.OpeningHours.Add(new OpeningHoursRule { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(13, 0), Closes = new TimeOnly(16, 0) });
            space.Channels.Add(new Channel { Slug = "allmant", Name = "allmänt", Access = ChannelAccess.AllMembers, SortOrder = 1, CreatedAt = now });
            space.Channels.Add(new Channel { Slug = "personalrummet", Name = "personalrummet", Access = ChannelAccess.Staff, SortOrder = 2, CreatedAt = now });
            configure?.Invoke(space);
            db.Add(space);
            await db.SaveChangesAsync(Ct);
            return space;
        });

    /// <summary>Makes <paramref name="user"/> a member (or staff) of the space under <paramref name="name"/>.</summary>
    public static Task<SpaceMember> AddToSpaceAsync(this SamordnaFactory factory, Space space, TestUser user, string name, SpaceRole role = SpaceRole.Member) =>
        factory.WithDbAsync(async db =>
        {
            var member = new SpaceMember
            {
                SpaceId = space.Id,
                UserId = user.Id,
                DisplayName = name,
                NormalizedDisplayName = SpaceMember.Normalize(name),
                Role = role,
                BirthYear = role == SpaceRole.Member ? 2005 : null,
                JoinedAt = factory.Clock.GetUtcNow().AddDays(-3),
            };
            db.Add(member);
            await db.SaveChangesAsync(Ct);
            return member;
        });

    /// <summary>A staff account that is staff of <paramref name="space"/>, signed in.</summary>
    public static async Task<(HttpClient Client, TestUser User, SpaceMember Member)> SignInAsStaffOfAsync(this SamordnaFactory factory, Space space, string name = "Tina")
    {
        var user = await factory.CreateUserAsync(Roles.Staff);
        var member = await factory.AddToSpaceAsync(space, user, name, SpaceRole.Staff);
        return (await factory.SignInAsync(user), user, member);
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response, Forms.Parse(await response.Content.ReadAsStringAsync(Ct)));
    }

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage response) =>
        Forms.Parse(await response.Content.ReadAsStringAsync(Ct));

    public static string TextOf(this IHtmlDocument document, string selector) =>
        string.Join(" ", document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())).ReplaceLineEndings(" ");

    /// <summary>Follows a POST-redirect-GET and returns the page it lands on.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        if ((int)redirect.StatusCode is < 300 or > 399)
        {
            var body = await redirect.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"Expected a redirect, got {(int)redirect.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        }
        return await client.GetDocumentAsync(redirect.Headers.Location!.OriginalString);
    }
}
