using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using static Samordna.Tests.Features.DropIn.Spaces.SpacesTestHelpers;

namespace Samordna.Tests.Features.DropIn.Spaces;

public sealed class GroupTests(SpacesFactory factory) : IClassFixture<SpacesFactory>
{
    [Fact]
    public async Task A_group_is_renamed_unless_the_name_is_taken_and_deleted_only_when_no_channel_is_open_to_it()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);
        var groups = $"/motesplats/{space.Slug}/personal/grupper";
        var council = await client.SubmitFormAsync(groups, new() { ["Name"] = "Inflytanderådet" });
        await client.SubmitFormAsync(groups, new() { ["Name"] = "Spelgruppen" });
        var councilPage = council.Headers.Location!.OriginalString;
        var councilId = int.Parse(councilPage.Split('/')[^1], CultureInfo.InvariantCulture);

        // A taken name is refused and the typed name kept.
        var taken = await client.SubmitFormAsync(councilPage, new() { ["Name"] = "Spelgruppen" }, "#rename-group");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = await taken.HtmlAsync();
        Assert.Contains("Det finns redan en grupp som heter Spelgruppen", takenPage.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Spelgruppen", takenPage.QuerySelector("#rename-group input[name=Name]")!.GetAttribute("value"));

        var renamed = await client.SubmitFormAsync(councilPage, new() { ["Name"] = "Ungdomsrådet" }, "#rename-group");
        Assert.Contains("Gruppen heter nu Ungdomsrådet.", (await client.FollowAsync(renamed)).TextOf("[role=status]"), StringComparison.Ordinal);

        // A channel is open to the group: it cannot be deleted.
        await client.SubmitFormAsync($"/motesplats/{space.Slug}/personal/kanaler", new()
        {
            ["Channel.Name"] = "rådet",
            ["Channel.Access"] = nameof(ChannelAccess.Group),
            ["Channel.GroupId"] = councilId.ToString(CultureInfo.InvariantCulture),
        }, "#add-channel");
        var refused = await client.SubmitFormAsync(councilPage, [], "#delete-group");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("kanalen #rådet är öppen för den", (await refused.HtmlAsync()).TextOf("#form-errors"), StringComparison.Ordinal);

        // Archive the channel, then the group goes.
        var channelId = await factory.WithDbAsync(db => db.Set<Channel>().Where(c => c.GroupId == councilId).Select(c => c.Id).SingleAsync(Ct));
        await factory.WithDbAsync(async db =>
        {
            var channel = await db.Set<Channel>().SingleAsync(c => c.Id == channelId, Ct);
            channel.ArchivedAt = factory.Clock.GetUtcNow();
            await db.SaveChangesAsync(Ct);
        });
        var deleted = await client.SubmitFormAsync(councilPage, [], "#delete-group");
        Assert.Contains("Gruppen Ungdomsrådet är borttagen.", (await client.FollowAsync(deleted)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Set<MemberGroup>().AnyAsync(g => g.Id == councilId, Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(councilPage, UriKind.Relative), Ct)).StatusCode);
    }
}
