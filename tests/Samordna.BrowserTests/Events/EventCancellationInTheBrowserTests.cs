using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.Events;

/// <summary>An editor creates an event and then cancels it, in a real browser; visitors then see "Inställt".</summary>
[Collection(BrowserSuite.Name)]
public sealed class EventCancellationInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Editor_creates_an_event_cancels_it_and_the_public_page_says_Installt()
    {
        var title = "Webbinarium som ställs in " + Guid.NewGuid().ToString("N")[..6];
        await using (var session = await browser.OpenAsync(Visitor.Administrator))
        {
            var page = session.Page;
            await page.VisitAsync("/redaktion/kalender/nytt");
            await page.GetByLabel("Typ", new() { Exact = true }).SelectOptionAsync("Webinar");
            await page.GetByLabel("Rubrik", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Sammanfattning", new() { Exact = true }).FillAsync("Ett webbinarium som provar inställning.");
            await page.GetByLabel("Beskrivning", new() { Exact = true }).FillAsync("## Program\n\nVi pratar om samverkan.");
            await page.GetByLabel("Börjar", new() { Exact = true }).FillAsync("2027-03-10T09:00");
            await page.GetByLabel("Slutar", new() { Exact = true }).FillAsync("2027-03-10T10:00");
            await page.GetByLabel("Online (länken visas bara för anmälda)").CheckAsync();
            await page.GetByLabel("Länk till mötet (online)").FillAsync("https://meet.example.se/j/987");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Evenemanget är publicerat");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Evenemangets sidor" }).GetByRole(AriaRole.Link, new() { Name = "Ställ in" }).ClickAsync();
            await page.GetByLabel("Meddelande till de anmälda (frivilligt)").FillAsync("Föreläsaren har fått förhinder.");
            Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ställ in evenemanget" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Evenemanget är inställt.");
            Assert.Empty(session.Problems);
        }

        await using var visitor = await browser.OpenAsync();
        await visitor.Page.VisitAsync("/kalender");
        var card = visitor.Page.Locator(".event-card").Filter(new() { HasText = title });
        await Expect(card).ToContainTextAsync("Inställt");
        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.Page.Locator("#event-state")).ToContainTextAsync("Föreläsaren har fått förhinder.");
        await Expect(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Anmäl mig" })).ToHaveCountAsync(0);
        Assert.True((await visitor.Page.AxeViolationsAsync()).Length == 0, await visitor.Page.AxeViolationsAsync());
    }
}
