using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.DropIn;

/// <summary>
/// A young person opens a private guidance thread while staff are in the room: the thread appears in the staff's list
/// at once, with an unread count for the question, and only staff and the young person can read it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class GuidanceInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_private_thread_appears_for_staff_already_in_the_room()
    {
        await using var staff = await browser.OpenAsync(Visitor.Staff);
        await using var young = await browser.OpenAsync(Visitor.Participant, width: 360, height: 740);
        var maria = staff.Page;
        var nova = young.Page;
        var run = Guid.NewGuid().ToString("N")[..6];

        await maria.VisitAsync("/motesplats/hoppetonline/personalrummet");
        await Expect(maria.Locator("#chat-staff-on-duty")).ToHaveTextAsync("Personal på plats: Maria");
        // Staff open the drop-in by hand, so the young person may write whatever the time of the test.
        await maria.Locator(".chat-staff-controls summary").ClickAsync();
        await maria.GetByRole(AriaRole.Button, new() { Name = "Öppna nu" }).ClickAsync();
        await Expect(maria.Locator("#chat-staff-on-duty")).ToHaveTextAsync("Personal på plats: Maria");

        await nova.VisitAsync("/motesplats/hoppetonline");
        await nova.GetByRole(AriaRole.Link, new() { Name = "Fråga personalen privat" }).ClickAsync();
        await Expect(nova.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Samhällsvägledning");
        Assert.True((await nova.AxeViolationsAsync()).Length == 0, await nova.AxeViolationsAsync());
        await nova.GetByRole(AriaRole.Button, new() { Name = "Starta en privat tråd med personalen" }).ClickAsync();

        var thread = maria.Locator(".chat-channels a").Filter(new() { HasText = "vägledning · nova" });
        await Expect(thread).ToHaveCountAsync(1);
        await Expect(maria.Locator("#chat-announcer")).ToContainTextAsync("Ny privat tråd: vägledning · nova");

        var composer = nova.GetByLabel("Skriv i #vägledning · nova");
        await composer.FillAsync($"Jag har fått ett brev från Försäkringskassan {run}");
        await composer.PressAsync("Enter");
        await Expect(thread.Locator(".chat-unread")).ToBeVisibleAsync();
        await Expect(thread.Locator(".chat-unread")).ToContainTextAsync("1");

        await thread.ClickAsync();
        await Expect(maria.Locator("#chat-messages")).ToContainTextAsync($"brev från Försäkringskassan {run}");
        Assert.True((await maria.AxeViolationsAsync()).Length == 0, await maria.AxeViolationsAsync());

        // Back to the opening hours, for the other tests.
        await maria.Locator(".chat-staff-controls summary").ClickAsync();
        await maria.GetByRole(AriaRole.Button, new() { Name = "Följ öppettiderna" }).ClickAsync();
        Assert.Empty(staff.Problems);
        Assert.Empty(young.Problems);
    }
}
