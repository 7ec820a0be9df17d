using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Chat;
using static Samordna.Tests.Features.DropIn.Chat.ChatTestData;

namespace Samordna.Tests.Features.DropIn.Chat;

public sealed class RoomPageTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task A_member_sees_the_channels_the_latest_messages_and_who_is_here()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        for (var i = 1; i <= 55; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1)); // One a second: within the rate limit.
            await tinaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), $"meddelande {i}");
        }

        var page = await nova.Client.GetDocumentAsync($"/motesplats/{space.Slug}");

        Assert.Equal("Testrummet " + space.Slug[4..], page.QuerySelector("h1")!.TextContent.Trim());
        var channels = page.QuerySelectorAll(".chat-channels a[data-channel-id]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/motesplats/{space.Slug}/allmant"], channels);
        var messages = page.QuerySelectorAll("#chat-messages li.chat-message");
        Assert.Equal(50, messages.Length);
        Assert.Equal("meddelande 6", messages[0].QuerySelector(".chat-text")!.TextContent);
        Assert.Equal("meddelande 55", messages[^1].QuerySelector(".chat-text")!.TextContent);
        Assert.Equal($"/motesplats/{space.Slug}/allmant?fore=6", page.QuerySelector("#chat-older")!.GetAttribute("href"));
        Assert.Equal("Personal på plats: Tina", page.QuerySelector("#chat-staff-on-duty")!.TextContent.Trim());
        Assert.Equal("Skriv i #allmänt", page.QuerySelector("label[for=chat-text]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#chat-text")!.GetAttribute("readonly"));
        Assert.Null(page.QuerySelector(".chat-staff-controls"));

        var older = await nova.Client.GetDocumentAsync($"/motesplats/{space.Slug}/allmant?fore=6");
        Assert.Equal(["meddelande 1", "meddelande 2", "meddelande 3", "meddelande 4", "meddelande 5"],
            older.QuerySelectorAll("#chat-messages .chat-text").Select(p => p.TextContent));
    }

    [Fact]
    public async Task Links_are_made_clickable_safely_and_mentions_are_marked()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var hub = await factory.ConnectAsync(tina);
        await hub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await hub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(),
            "Kolla https://www.arbetsformedlingen.se/for-arbetssokande?x=1&y=2. <script>alert(1)</script> javascript:alert(2) @nova och @Tina och @okänd 🎉");

        var html = await (await nova.Client.GetAsync(new Uri($"/motesplats/{space.Slug}/allmant", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var page = Forms.Parse(html);
        var text = page.QuerySelector("#chat-messages .chat-text")!;

        var link = Assert.Single(text.QuerySelectorAll("a"));
        Assert.Equal("https://www.arbetsformedlingen.se/for-arbetssokande?x=1&y=2", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow ugc", link.GetAttribute("rel"));
        Assert.Empty(text.QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(2)", text.TextContent, StringComparison.Ordinal);
        Assert.Equal("@nova (nämner dig)", text.QuerySelector("mark.mention-me")!.TextContent);
        Assert.Equal("@Tina", text.QuerySelector("span.mention")!.TextContent);
        Assert.DoesNotContain(text.QuerySelectorAll(".mention"), m => m.TextContent.Contains("okänd", StringComparison.Ordinal));
        Assert.Contains("🎉", text.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsiders_get_403_in_Swedish_an_unknown_space_404_and_members_no_staff_room()
    {
        var space = await factory.CreateChatSpaceAsync();
        var nova = await factory.AddMemberAsync(space, "nova");
        var outsider = await factory.OutsiderAsync();

        var refused = await outsider.Client.GetAsync(new Uri($"/motesplats/{space.Slug}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Du är inte medlem i den här mötesplatsen.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var unknown = await nova.Client.GetAsync(new Uri("/motesplats/finns-inte", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var noChannel = await nova.Client.GetAsync(new Uri($"/motesplats/{space.Slug}/finns-inte", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, noChannel.StatusCode);

        var staffRoom = await nova.Client.GetAsync(new Uri($"/motesplats/{space.Slug}/personalrummet", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, staffRoom.StatusCode);
        Assert.Contains("Den här kanalen är bara för personalen.", await staffRoom.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var anonymous = factory.CreateBrowserClient();
        var signIn = await anonymous.GetAsync(new Uri($"/motesplats/{space.Slug}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/konto/logga-in", signIn.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_space_says_when_it_opens_and_gives_members_a_read_only_composer()
    {
        var space = await factory.CreateChatSpaceAsync(OpenOverride.None); // Closed until 13.00 today.
        var nova = await factory.AddMemberAsync(space, "nova");
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);

        var page = await nova.Client.GetDocumentAsync($"/motesplats/{space.Slug}");
        Assert.Equal("Stängt just nu — vi öppnar i dag kl. 13.00", page.QuerySelector("#chat-state-text")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#chat-text")!.GetAttribute("readonly"));
        Assert.NotNull(page.QuerySelector("#chat-send")!.GetAttribute("disabled"));
        Assert.Contains("Du kan läsa men inte skriva", page.QuerySelector("#chat-hint")!.TextContent, StringComparison.Ordinal);

        var staffPage = await tina.Client.GetDocumentAsync($"/motesplats/{space.Slug}");
        Assert.Null(staffPage.QuerySelector("#chat-text")!.GetAttribute("readonly"));
        Assert.NotNull(staffPage.QuerySelector(".chat-staff-controls form"));
    }

    [Fact]
    public async Task Without_script_a_member_sends_from_the_form_and_a_repeated_post_does_not_double()
    {
        var space = await factory.CreateChatSpaceAsync();
        var nova = await factory.AddMemberAsync(space, "nova");
        var url = $"/motesplats/{space.Slug}/allmant";
        var page = await nova.Client.GetDocumentAsync(url);

        var first = await nova.Client.SubmitFormAsync(page, url, new() { ["Composer.Text"] = "Hej från en\r\ngammal telefon" }, "#chat-composer");
        var again = await nova.Client.SubmitFormAsync(page, url, new() { ["Composer.Text"] = "Hej från en\r\ngammal telefon" }, "#chat-composer");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.ChannelId == space.General).Select(m => m.Text).ToListAsync(Ct));
        Assert.Equal(["Hej från en\ngammal telefon"], stored);

        var fresh = await nova.Client.GetDocumentAsync(url);
        var tooLong = await nova.Client.SubmitFormAsync(fresh, url, new() { ["Composer.Text"] = new string('x', 2001) }, "#chat-composer");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var shown = Forms.Parse(await tooLong.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Meddelandet är för långt", shown.QuerySelector("#chat-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", shown.QuerySelector("#chat-text")!.GetAttribute("aria-invalid"));
        Assert.Equal(2001, ((IHtmlTextAreaElement)shown.QuerySelector("#chat-text")!).Value.Length);
    }

    [Fact]
    public async Task Staff_open_and_close_from_the_page_and_a_member_cannot()
    {
        var space = await factory.CreateChatSpaceAsync(OpenOverride.None);
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        var url = $"/motesplats/{space.Slug}/allmant";
        await using var novaHub = await factory.ConnectAsync(nova);
        await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var opened = await tina.Client.SubmitFormAsync(url, new() { ["Opening.Until"] = "12:30" }, "#chat-open-form", "Opening.Mode", "open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var told = await novaHub.NextAsync<OpenStateDto>("openState");
        Assert.True(told.IsOpen);
        Assert.Equal("Öppet nu till i dag kl. 12.30", told.Text);

        var past = await tina.Client.SubmitFormAsync(url, new() { ["Opening.Until"] = "09:00" }, "#chat-open-form", "Opening.Mode", "closed");
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Tiden har redan passerat.", await past.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var page = await nova.Client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#chat-open-form"));
        using var content = new FormUrlEncodedContent(Forms.FieldsOf((IHtmlFormElement)page.QuerySelector("#chat-composer")!)
            .Append(new("Opening.Mode", "closed")));
        var attempt = await nova.Client.PostAsync(new Uri(url + "?handler=Open", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
        Assert.Contains("Bara personal kan göra det här.", await attempt.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var state = await factory.WithDbAsync(db => db.Set<Space>().Where(s => s.Id == space.Id).Select(s => s.Override).SingleAsync(Ct));
        Assert.Equal(OpenOverride.Open, state);
    }
}
