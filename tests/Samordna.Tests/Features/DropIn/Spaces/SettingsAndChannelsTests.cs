using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Platform.Identity;
using static Samordna.Tests.Features.DropIn.Spaces.SpacesTestHelpers;

namespace Samordna.Tests.Features.DropIn.Spaces;

public sealed class SettingsAndChannelsTests(SpacesFactory factory) : IClassFixture<SpacesFactory>
{
    private static string Settings(Space space) => $"/motesplats/{space.Slug}/personal/installningar";

    private static string Channels(Space space) => $"/motesplats/{space.Slug}/personal/kanaler";

    [Fact]
    public async Task Settings_are_saved_and_shown_on_the_about_page()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);

        var response = await client.SubmitFormAsync(Settings(space), new()
        {
            ["Input.Name"] = "Hoppet på nätet",
            ["Input.MinAge"] = "15",
            ["Input.MaxAge"] = "25",
            ["Input.PhysicalAddress"] = "Stationsgatan 2, Sigtuna",
            ["Input.ClosedOnPublicHolidays"] = "false",
        });

        Assert.Contains("Inställningarna är sparade.", (await client.FollowAsync(response)).TextOf("[role=status]"), StringComparison.Ordinal);
        // The same form sent twice (a double click) is not a conflict.
        var form = await client.GetDocumentAsync(Settings(space));
        var first = await client.SubmitFormAsync(form, Settings(space), new() { ["Input.Description"] = "Dubbelklick" });
        var second = await client.SubmitFormAsync(form, Settings(space), new() { ["Input.Description"] = "Dubbelklick" });
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var saved = await factory.WithDbAsync(db => db.Set<Space>().AsNoTracking().SingleAsync(s => s.Id == space.Id, Ct));
        Assert.Equal(("Hoppet på nätet", 15, 25, false), (saved.Name, saved.MinAge, saved.MaxAge, saved.ClosedOnPublicHolidays));
        Assert.Equal(space.Slug, saved.Slug);
        Assert.NotEqual(space.Version, saved.Version);
        var (_, about) = await factory.CreateBrowserClient().GetPageAsync($"/motesplats/{space.Slug}/om");
        Assert.Equal("Stationsgatan 2, Sigtuna", about.TextOf("#physical-address"));
        Assert.Contains("15–25 år", about.TextOf("section[aria-labelledby=rules-heading]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20", "18", "Den högsta åldern kan inte vara lägre än den lägsta.")]
    [InlineData("12", "29", "Ange den lägsta åldern som ett heltal mellan 13 och 99.")]
    [InlineData("16", "sjutton", "Ange den högsta åldern som ett heltal mellan 13 och 99.")]
    public async Task A_bad_age_range_is_refused_with_a_message(string min, string max, string message)
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);

        var response = await client.SubmitFormAsync(Settings(space), new() { ["Input.MinAge"] = min, ["Input.MaxAge"] = max, ["Input.Description"] = "Ny text" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains(message, page.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(max, page.QuerySelector("#Input_MaxAge")!.GetAttribute("value"));
        Assert.Equal("Ny text", page.QuerySelector("#Input_Description")!.TextContent);
        Assert.Equal(16, await factory.WithDbAsync(db => db.Set<Space>().Where(s => s.Id == space.Id).Select(s => s.MinAge).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_concurrent_change_gives_409_and_keeps_the_typed_text()
    {
        var space = await factory.InsertSpaceAsync();
        var (tina, _, _) = await factory.SignInAsStaffOfAsync(space, "Tina");
        var (maria, _, _) = await factory.SignInAsStaffOfAsync(space, "Maria");
        var tinasForm = await tina.GetDocumentAsync(Settings(space));

        await maria.FollowAsync(await maria.SubmitFormAsync(Settings(space), new() { ["Input.Description"] = "Marias beskrivning" }));
        var conflict = await tina.SubmitFormAsync(tinasForm, Settings(space), new() { ["Input.Description"] = "Tinas långa beskrivning som inte får försvinna" });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await conflict.HtmlAsync();
        Assert.Contains("Någon annan har ändrat inställningarna medan du skrev.", page.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Tinas långa beskrivning som inte får försvinna", page.QuerySelector("#Input_Description")!.TextContent);
        Assert.Contains("Marias beskrivning", page.TextOf(".dropin-facts"), StringComparison.Ordinal);
        Assert.Equal("Marias beskrivning", await factory.WithDbAsync(db => db.Set<Space>().Where(s => s.Id == space.Id).Select(s => s.Description).SingleAsync(Ct)));

        // Saving the form as it came back replaces Maria's text on purpose.
        var again = await tina.SubmitFormAsync(page, Settings(space), []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Tinas långa beskrivning som inte får försvinna", await factory.WithDbAsync(db => db.Set<Space>().Where(s => s.Id == space.Id).Select(s => s.Description).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_new_space_gets_the_default_channels_and_its_creator_as_staff()
    {
        var user = await factory.CreateUserAsync(Roles.Staff, displayName: "Kim Svensson");
        var client = await factory.SignInAsync(user);
        var form = await client.GetDocumentAsync("/motesplats/ny");
        Assert.Equal("Kim", form.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));

        var response = await client.SubmitFormAsync(form, "/motesplats/ny", new() { ["Input.Name"] = "Ungdomsrummet Märsta", ["Input.Description"] = "För unga i Sigtuna." });
        Assert.Equal("/motesplats/ungdomsrummet-marsta/personal/oppettider", response.Headers.Location!.OriginalString);
        // A double submit finds the same space.
        var twice = await client.SubmitFormAsync(form, "/motesplats/ny", new() { ["Input.Name"] = "Ungdomsrummet Märsta" });
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var space = await db.Set<Space>().Include(s => s.Channels).SingleAsync(s => s.Name == "Ungdomsrummet Märsta", Ct);
            Assert.Equal([("allmant", "allmänt", ChannelAccess.AllMembers), ("personalrummet", "personalrummet", ChannelAccess.Staff)],
                space.Channels.OrderBy(c => c.SortOrder).Select(c => (c.Slug, c.Name, c.Access)));
            var staff = await db.Set<SpaceMember>().SingleAsync(m => m.SpaceId == space.Id, Ct);
            Assert.Equal((user.Id, "Kim", SpaceRole.Staff), (staff.UserId, staff.DisplayName, staff.Role));
            Assert.Equal((16, 29), (space.MinAge, space.MaxAge));
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/motesplats/ungdomsrummet-marsta/personal/kanaler", UriKind.Relative), Ct)).StatusCode);

        // Another staff member cannot take the name.
        var other = await factory.SignInAsStaffAsync();
        var taken = await other.SubmitFormAsync("/motesplats/ny", new() { ["Input.Name"] = "Ungdomsrummet Märsta", ["Input.DisplayName"] = "Alex" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Det finns redan en mötesplats med det namnet", (await taken.HtmlAsync()).TextOf("#form-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_are_added_with_unique_addresses_group_access_ordered_and_archived()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);

        var noGroup = await client.SubmitFormAsync(Channels(space), new() { ["Channel.Name"] = "Rådet", ["Channel.Access"] = nameof(ChannelAccess.Group) }, "#add-channel");
        Assert.Equal(HttpStatusCode.BadRequest, noGroup.StatusCode);
        Assert.Contains("Skapa gruppen under Grupper först.", (await noGroup.HtmlAsync()).TextOf("#form-errors"), StringComparison.Ordinal);

        var group = await client.SubmitFormAsync($"/motesplats/{space.Slug}/personal/grupper", new() { ["Name"] = "Inflytanderådet" });
        var groupId = int.Parse(group.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var added = await client.SubmitFormAsync(Channels(space), new()
        {
            ["Channel.Name"] = "#inflytanderådet",
            ["Channel.Topic"] = "Rådet föreslår och röstar.",
            ["Channel.Access"] = nameof(ChannelAccess.Group),
            ["Channel.GroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "#add-channel");
        Assert.Contains("Kanalen #inflytanderådet är skapad.", (await client.FollowAsync(added)).TextOf("[role=status]"), StringComparison.Ordinal);

        var duplicate = await client.SubmitFormAsync(Channels(space), new() { ["Channel.Name"] = "Allmänt", ["Channel.Access"] = nameof(ChannelAccess.AllMembers) }, "#add-channel");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var duplicatePage = await duplicate.HtmlAsync();
        Assert.Contains("Det finns redan en kanal med adressen #allmant", duplicatePage.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Allmänt", duplicatePage.QuerySelector("#Channel_Name")!.GetAttribute("value"));
        var reserved = await client.SubmitFormAsync(Channels(space), new() { ["Channel.Name"] = "Om", ["Channel.Access"] = nameof(ChannelAccess.AllMembers) }, "#add-channel");
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);

        // Move the new channel (last) up, then archive #allmänt.
        var channels = await client.GetDocumentAsync(Channels(space));
        var council = await factory.WithDbAsync(db => db.Set<Channel>().SingleAsync(c => c.SpaceId == space.Id && c.Slug == "inflytanderadet", Ct));
        Assert.Equal((ChannelAccess.Group, groupId), (council.Access, council.GroupId!.Value));
        await client.SubmitFormAsync(channels, Channels(space), [], $"#up-{council.Id}");
        var order = await factory.WithDbAsync(db => db.Set<Channel>().Where(c => c.SpaceId == space.Id).OrderBy(c => c.SortOrder).Select(c => c.Slug).ToListAsync(Ct));
        Assert.Equal(["allmant", "inflytanderadet", "personalrummet"], order);

        var general = await factory.WithDbAsync(db => db.Set<Channel>().SingleAsync(c => c.SpaceId == space.Id && c.Slug == "allmant", Ct));
        await client.SubmitFormAsync(channels, Channels(space), [], $"#archive-{general.Id}");
        Assert.NotNull(await factory.WithDbAsync(db => db.Set<Channel>().Where(c => c.Id == general.Id).Select(c => c.ArchivedAt).SingleAsync(Ct)));
        Assert.Contains($"access {space.Id}/", factory.Events.Calls);

        // Edit: the topic and access change, the address stays.
        var edit = await client.SubmitFormAsync($"{Channels(space)}/{council.Id}", new() { ["Channel.Name"] = "rådet", ["Channel.Access"] = nameof(ChannelAccess.Staff) });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var edited = await factory.WithDbAsync(db => db.Set<Channel>().AsNoTracking().SingleAsync(c => c.Id == council.Id, Ct));
        Assert.Equal(("inflytanderadet", "rådet", ChannelAccess.Staff, (int?)null), (edited.Slug, edited.Name, edited.Access, edited.GroupId));
    }
}
