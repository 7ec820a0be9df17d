using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using Samordna.Web.Features.DropIn.Chat;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.DropIn;

/// <summary>
/// Staff and a young person chat in HoppetOnline (the demo space) in two browsers, in real time; then the server ends
/// the young person's connection while their network is down, staff write on, and the page reconnects by itself and
/// shows every message once, without a reload. Staff here is Maria: Tina's sign-in belongs to the sign-in tests.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ChatInTheBrowserTests(BrowserFixture browser)
{
    private const string Room = "/motesplats/hoppetonline/allmant";

    private static ILocator Message(IPage page, string text) =>
        page.Locator("#chat-messages li.chat-message:not(.chat-pending)").Filter(new() { HasText = text });

    [Fact]
    public async Task Staff_and_a_young_person_chat_live_and_nothing_is_lost_when_the_connection_drops()
    {
        await using var staff = await browser.OpenAsync(Visitor.Staff);
        await using var young = await browser.OpenAsync(Visitor.Participant, width: 360, height: 740);
        var maria = staff.Page;
        var nova = young.Page;
        var run = Guid.NewGuid().ToString("N")[..6];

        await maria.VisitAsync(Room);
        await nova.VisitAsync(Room);
        await Expect(nova.Locator("#chat-staff-on-duty")).ToHaveTextAsync("Personal på plats: Maria");

        // Outside the opening hours the staff open the drop-in by hand; the young person's composer opens at once.
        await maria.Locator(".chat-staff-controls summary").ClickAsync();
        await maria.GetByRole(AriaRole.Button, new() { Name = "Öppna nu" }).ClickAsync();
        await Expect(maria.Locator("#chat-state-text")).ToContainTextAsync("Öppet nu");
        await Expect(nova.Locator("#chat-state-text")).ToContainTextAsync("Öppet nu");
        var novaComposer = nova.GetByLabel("Skriv i #allmänt");
        await Expect(novaComposer).Not.ToHaveAttributeAsync("readonly", "");
        await Expect(maria.Locator("#chat-staff-on-duty")).ToHaveTextAsync("Personal på plats: Maria");

        // Both ways, in real time: Enter sends, Shift+Enter makes a new line.
        var mariaComposer = maria.GetByLabel("Skriv i #allmänt");
        await mariaComposer.FillAsync($"Hej @nova, välkommen in! 😊 {run}");
        await mariaComposer.PressAsync("Enter");
        await Expect(Message(nova, $"välkommen in! 😊 {run}")).ToHaveCountAsync(1);
        await Expect(Message(nova, $"välkommen in! 😊 {run}").Locator("mark.mention-me")).ToContainTextAsync("@nova");
        await Expect(nova.Locator("#chat-announcer")).ToContainTextAsync("Nytt meddelande från Maria i #allmänt");

        await novaComposer.FillAsync($"Hej Maria!");
        await novaComposer.PressAsync("Shift+Enter");
        await novaComposer.PressSequentiallyAsync($"Kolla https://www.uppsalahem.se {run}");
        await novaComposer.PressAsync("Enter");
        var reply = Message(maria, $"Kolla https://www.uppsalahem.se {run}");
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply.Locator(".chat-text")).ToHaveTextAsync($"Hej Maria!\nKolla https://www.uppsalahem.se {run}");
        await Expect(reply.GetByRole(AriaRole.Link, new() { Name = "https://www.uppsalahem.se" })).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow ugc");

        // The line goes down: the server ends the connection, and new connections fail for a while.
        await nova.EvaluateAsync("() => { window.samordnaSamePage = true; }");
        var memberId = int.Parse(await nova.Locator("#chat").GetAttributeAsync("data-me-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var hubRequests = new System.Text.RegularExpressions.Regex("/hubs/motesplats");
        await young.Context.RouteAsync(hubRequests, route => route.AbortAsync("internetdisconnected"));
        var ended = browser.Services.GetRequiredService<PresenceTracker>().DisconnectMember(memberId);
        Assert.True(ended >= 1, "nova's page had no connection to end");
        await Expect(nova.Locator("#chat-connection")).Not.ToBeEmptyAsync();
        await Expect(maria.Locator("#chat-staff-on-duty")).ToHaveTextAsync("Personal på plats: Maria");

        var missed = new[] { $"Är du kvar? {run}", $"Vi har fika i morgon. {run}", $"Ses på Runbyvägen 11! {run}" };
        foreach (var text in missed)
        {
            await mariaComposer.FillAsync(text);
            await mariaComposer.PressAsync("Enter");
            await Expect(Message(maria, text)).ToHaveCountAsync(1);
        }
        // Written while offline: shown as waiting, sent when the connection is back.
        await novaComposer.FillAsync($"Jag tappade nätet {run}");
        await novaComposer.PressAsync("Enter");
        await Expect(nova.Locator(".chat-pending")).ToContainTextAsync("Väntar på anslutning");

        await young.Context.UnrouteAsync(hubRequests);
        foreach (var text in missed)
        {
            await Expect(Message(nova, text)).ToHaveCountAsync(1, new() { Timeout = 45_000 });
        }
        await Expect(Message(maria, $"Jag tappade nätet {run}")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(nova.Locator(".chat-pending")).ToHaveCountAsync(0);
        await Expect(Message(nova, $"Jag tappade nätet {run}")).ToHaveCountAsync(1);
        Assert.True(await nova.EvaluateAsync<bool>("() => window.samordnaSamePage === true"), "The page was reloaded.");

        // Exactly once each, in sequence order, with no gaps between what both pages show.
        var novaSequences = await nova.Locator("#chat-messages li.chat-message").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.sequence))");
        Assert.Equal(novaSequences.Distinct().Order(), novaSequences);
        var mariaSequences = await maria.Locator("#chat-messages li.chat-message").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.sequence))");
        Assert.Equal(mariaSequences.Where(s => s >= novaSequences[0]), novaSequences.Where(s => s <= mariaSequences[^1]));

        Assert.True((await nova.AxeViolationsAsync()).Length == 0, await nova.AxeViolationsAsync());
        Assert.True((await maria.AxeViolationsAsync()).Length == 0, await maria.AxeViolationsAsync());

        // Back to the opening hours, for the other tests.
        await maria.Locator(".chat-staff-controls summary").ClickAsync();
        await maria.GetByRole(AriaRole.Button, new() { Name = "Följ öppettiderna" }).ClickAsync();
        await Expect(nova.Locator("#chat-state-text")).Not.ToContainTextAsync("Öppet nu till");
        Assert.Empty(staff.Problems);
        Assert.Empty(young.Problems);
    }

    [Fact]
    public async Task Own_messages_can_be_edited_and_deleted_with_the_keyboard()
    {
        await using var session = await browser.OpenAsync(Visitor.Staff);
        var page = session.Page;
        var run = Guid.NewGuid().ToString("N")[..6];
        await page.VisitAsync("/motesplats/hoppetonline/personalrummet");
        var composer = page.GetByLabel("Skriv i #personalrummet");
        await composer.FillAsync($"Överlämning: ring Leo {run}");
        await composer.PressAsync("Enter");
        var message = Message(page, run);
        await Expect(message).ToHaveCountAsync(1);

        await message.GetByRole(AriaRole.Button, new() { Name = "Redigera" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var editor = page.GetByLabel("Ändra meddelandet");
        await Expect(editor).ToBeFocusedAsync();
        await editor.FillAsync($"Överlämning: ring Leo i morgon {run}");
        await editor.PressAsync("Enter");
        await Expect(message.Locator(".chat-text")).ToHaveTextAsync($"Överlämning: ring Leo i morgon {run}");
        await Expect(message.Locator(".chat-edited")).ToHaveTextAsync("(redigerat)");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var sequence = await message.GetAttributeAsync("data-sequence");
        await message.GetByRole(AriaRole.Button, new() { Name = "Ta bort" }).ClickAsync();
        await Expect(page.Locator($"#m-{sequence} .chat-text")).ToHaveTextAsync("Meddelandet är borttaget.");
        Assert.Empty(session.Problems);
    }
}
