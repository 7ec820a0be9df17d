using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using Samordna.Web.Features.DropIn.Chat;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.DropIn;

/// <summary>
/// The whole way, as issue 6 asks: staff invite a young person by SMS, the young person joins from the link in their
/// own browser, they chat both ways in real time, the server drops the young person's connection, and nothing is lost
/// or doubled when the page reconnects by itself. Staff is Maria (Tina's sign-in belongs to the sign-in tests).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class DropInEndToEndTests(BrowserFixture browser)
{
    private static ILocator Message(IPage page, string text) =>
        page.Locator("#chat-messages li.chat-message:not(.chat-pending)").Filter(new() { HasText = text });

    [Fact]
    public async Task Invite_join_chat_both_ways_and_a_dropped_connection_loses_nothing()
    {
        var digits = Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        var number = $"070-{digits[..3]} {digits[3..5]} {digits[5..]}";
        var pseudonym = "Stjärnfall" + digits[..3];
        var run = digits[3..];

        // Staff invite by SMS.
        await using var staff = await browser.OpenAsync(Visitor.Staff);
        var maria = staff.Page;
        await maria.VisitAsync("/motesplats/hoppetonline/personal/inbjudningar");
        await maria.GetByLabel("Mobilnummer").FillAsync(number);
        await maria.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        await Expect(maria.GetByRole(AriaRole.Status)).ToContainTextAsync("Inbjudan är skickad");

        // The SMS, as the administrator's message viewer shows it.
        await using var admin = await browser.OpenAsync(Visitor.Administrator);
        await admin.Page.VisitAsync("/admin/e-post/sms?mottagare=" + Uri.EscapeDataString(number));
        var link = new Uri(LinkPattern().Match(await admin.Page.Locator(".sms-text").First.InnerTextAsync()).Value);

        // The young person joins from the link, on a phone-sized screen.
        await using var young = await browser.OpenAsync(width: 360, height: 740);
        var phone = young.Page;
        await phone.VisitAsync(link.PathAndQuery);
        await phone.GetByLabel("Namn som de andra ser (pseudonym)").FillAsync(pseudonym);
        await phone.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("Regnbåge-över-Väsby-4");
        await phone.GetByLabel("Upprepa lösenordet").FillAsync("Regnbåge-över-Väsby-4");
        await phone.GetByLabel("Födelseår").FillAsync("2007");
        await phone.GetByLabel("Jag har läst husreglerna och lovar att följa dem").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gå med" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/motesplats/hoppetonline$"));

        // Staff open the drop-in by hand (the test may run outside the opening hours) and see the newcomer arrive.
        await maria.VisitAsync("/motesplats/hoppetonline/allmant");
        await maria.Locator(".chat-staff-controls summary").ClickAsync();
        await maria.GetByRole(AriaRole.Button, new() { Name = "Öppna nu" }).ClickAsync();
        await Expect(phone.Locator("#chat-state-text")).ToContainTextAsync("Öppet nu");
        await Expect(maria.Locator(".chat-presence")).ToContainTextAsync(pseudonym);
        await Expect(phone.Locator("#chat-staff-on-duty")).ToHaveTextAsync("Personal på plats: Maria");

        // Both ways, in real time.
        var mariaComposer = maria.GetByLabel("Skriv i #allmänt");
        var phoneComposer = phone.GetByLabel("Skriv i #allmänt");
        await mariaComposer.FillAsync($"Välkommen @{pseudonym}! {run}");
        await mariaComposer.PressAsync("Enter");
        // The mention of the newcomer is marked for them (with "(nämner dig)" for screen readers inside the text).
        var welcome = Message(phone, "Välkommen").Filter(new() { HasText = $"! {run}" });
        await Expect(welcome).ToHaveCountAsync(1);
        await Expect(welcome.Locator("mark.mention-me")).ToContainTextAsync("@" + pseudonym);
        await phoneComposer.FillAsync($"Tack! Vad kul att vara här {run}");
        await phoneComposer.PressAsync("Enter");
        await Expect(Message(maria, $"Vad kul att vara här {run}")).ToHaveCountAsync(1);

        // The server drops the young person's connection while their network is down; staff write on.
        await phone.EvaluateAsync("() => { window.samordnaSamePage = true; }");
        var memberId = int.Parse(await phone.Locator("#chat").GetAttributeAsync("data-me-id") ?? "0", CultureInfo.InvariantCulture);
        var hub = new Regex("/hubs/motesplats");
        await young.Context.RouteAsync(hub, route => route.AbortAsync("internetdisconnected"));
        Assert.True(browser.Services.GetRequiredService<PresenceTracker>().DisconnectMember(memberId) >= 1);
        await Expect(phone.Locator("#chat-connection")).Not.ToBeEmptyAsync();
        var missed = new[] { $"Hör du mig? {run}", $"Vi ses på torsdag {run}" };
        foreach (var text in missed)
        {
            await mariaComposer.FillAsync(text);
            await mariaComposer.PressAsync("Enter");
            await Expect(Message(maria, text)).ToHaveCountAsync(1);
        }

        // Back online: the page reconnects by itself and fetches what it missed, each once, without a reload.
        await young.Context.UnrouteAsync(hub);
        foreach (var text in missed)
        {
            await Expect(Message(phone, text)).ToHaveCountAsync(1, new() { Timeout = 45_000 });
        }
        Assert.True(await phone.EvaluateAsync<bool>("() => window.samordnaSamePage === true"), "The page was reloaded.");
        var sequences = await phone.Locator("#chat-messages li.chat-message").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.sequence))");
        Assert.Equal(sequences.Distinct().Order(), sequences);
        Assert.Equal(1, await Message(phone, $"Vad kul att vara här {run}").CountAsync());
        Assert.True((await phone.AxeViolationsAsync()).Length == 0, await phone.AxeViolationsAsync());
        Assert.Empty(await phone.OverflowingElementsAsync());

        // Back to the opening hours, for the other tests.
        await maria.Locator(".chat-staff-controls summary").ClickAsync();
        await maria.GetByRole(AriaRole.Button, new() { Name = "Följ öppettiderna" }).ClickAsync();
        await Expect(phone.Locator("#chat-state-text")).Not.ToContainTextAsync("Öppet nu till");
        Assert.Empty(staff.Problems);
        Assert.Empty(young.Problems);
    }

    [GeneratedRegex(@"https?://\S+/motesplats/inbjudan/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
