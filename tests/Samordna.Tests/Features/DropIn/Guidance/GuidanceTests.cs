using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Features.DropIn.Chat;
using Samordna.Tests.Features.DropIn.Spaces;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Chat;
using Samordna.Web.Features.DropIn.Guidance;
using Samordna.Web.Platform.Web;
using static Samordna.Tests.Features.DropIn.Chat.ChatTestData;

namespace Samordna.Tests.Features.DropIn.Guidance;

public sealed partial class GuidanceTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task A_member_opens_one_private_thread_even_when_submitting_twice()
    {
        var space = await factory.CreateChatSpaceAsync();
        var leo = await factory.AddMemberAsync(space, "leo");
        var start = $"/motesplats/{space.Slug}/vagledning";

        var (shown, page) = await leo.Client.GetPageAsync(start);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Bara du och personalen ser det du skriver", page.Body!.TextContent, StringComparison.Ordinal);

        var first = await leo.Client.SubmitFormAsync(page, start, []);
        var second = await leo.Client.SubmitFormAsync(page, start, []);

        var thread = $"/motesplats/{space.Slug}/{GuidanceService.SlugFor(leo.MemberId)}";
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith(thread, first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith(thread, second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var threads = await factory.WithDbAsync(db => db.Set<Channel>().Where(c => c.SpaceId == space.Id && c.Access == ChannelAccess.Private).ToListAsync(Ct));
        Assert.Equal(leo.MemberId, Assert.Single(threads).OwnerMemberId);

        // Afterwards the start page leads straight to the thread, and the room lists it.
        var again = await leo.Client.GetAsync(new Uri(start, UriKind.Relative), Ct);
        Assert.Equal(thread, again.Headers.Location!.OriginalString);
        var (room, roomPage) = await leo.Client.GetPageAsync(thread);
        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
        Assert.Contains("vägledning · leo", roomPage.QuerySelector("#chat-channel-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_members_cannot_see_or_write_in_a_thread_and_staff_hear_it_live()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var leo = await factory.AddMemberAsync(space, "leo");
        var sol = await factory.AddMemberAsync(space, "sol");
        // Tina is in the room before the thread exists.
        await using var tinaHub = await factory.ConnectAsync(tina);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var started = await leo.Client.SubmitFormAsync($"/motesplats/{space.Slug}/vagledning", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var threadId = await factory.WithDbAsync(db => db.Set<Channel>().Where(c => c.OwnerMemberId == leo.MemberId).Select(c => c.Id).SingleAsync(Ct));
        var added = await tinaHub.NextAsync<ChannelAddedDto>("channelAdded");
        Assert.Equal((threadId, GuidanceService.SlugFor(leo.MemberId), "vägledning · leo", "Private"), (added.Id, added.Slug, added.Name, added.Access));
        await using var leoHub = await factory.ConnectAsync(leo);
        await leoHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        await leoHub.InvokeAsync<MessageDto>("Send", threadId, Guid.NewGuid(), "Jag har fått ett brev från CSN.");

        var heard = await tinaHub.NextAsync<MessageDto>("message", m => m.ChannelId == threadId);
        Assert.Equal("Jag har fått ett brev från CSN.", heard.Text);

        // Sol neither finds the thread nor reaches it through the hub.
        var thread = $"/motesplats/{space.Slug}/{GuidanceService.SlugFor(leo.MemberId)}";
        Assert.Equal(HttpStatusCode.NotFound, (await sol.Client.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);
        var (_, solRoom) = await sol.Client.GetPageAsync($"/motesplats/{space.Slug}");
        Assert.DoesNotContain("leo", solRoom.QuerySelector(".chat-channels")!.TextContent, StringComparison.Ordinal);
        await using var solHub = await factory.ConnectAsync(sol);
        var snapshot = await solHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.DoesNotContain(snapshot.Channels, c => c.Id == threadId);
        await Assert.ThrowsAsync<HubCallException>(() => solHub.InvokeAsync("Since", threadId, 0L));
        await Assert.ThrowsAsync<HubCallException>(() => solHub.InvokeAsync("Send", threadId, Guid.NewGuid(), "Hej leo"));

        // Staff see it among the private threads.
        var (_, tinaRoom) = await tina.Client.GetPageAsync($"/motesplats/{space.Slug}");
        Assert.Contains("vägledning · leo", tinaRoom.QuerySelector(".chat-channels")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_name_a_channel_like_a_guidance_thread()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);

        var response = await tina.Client.SubmitFormAsync($"/motesplats/{space.Slug}/personal/kanaler", new()
        {
            ["Channel.Name"] = "vägledning 2",
            ["Channel.Topic"] = "",
        }, formSelector: "#add-channel");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Channel>().CountAsync(c => c.SpaceId == space.Id && c.Slug.StartsWith("vagledning"), Ct)));
    }

    [Fact]
    public void Every_Swedish_text_of_guidance_has_an_English_translation()
    {
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var texts = Directory.GetFiles(Path.Combine(root.FullName, "src", "Samordna.Web", "Features", "DropIn", "Guidance"))
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => m.Groups["sv"].Value)).Distinct().ToList();
        Assert.True(texts.Count > 5);
        var english = new Tr([new EnglishTexts(GuidanceEnglish.Texts), new EnglishTexts(ChatEnglish.Texts), new EnglishTexts(SharedEnglish.Texts)]);
        using var culture = new EnglishCulture();
        var missing = texts.Where(t => english[t] == t).ToList();
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [GeneratedRegex("""[Tt]\["(?<sv>[^"]+)"\]""")]
    private static partial Regex Lookup();

    private sealed class EnglishCulture : IDisposable
    {
        private readonly System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentUICulture;

        public EnglishCulture() => System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = previous;
    }
}
