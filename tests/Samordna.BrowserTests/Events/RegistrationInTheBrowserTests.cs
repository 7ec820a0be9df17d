using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.Events;

/// <summary>
/// A visitor registers for an event and cancels, in a real browser, on the demo calendar. The demo runs on the
/// machine's clock, so the test picks whichever coming event still takes registrations.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class RegistrationInTheBrowserTests(BrowserFixture browser)
{
    /// <summary>Opens the calendar and follows the first event whose card says registration is open (places left or no limit).</summary>
    private static async Task<string> OpenAnOpenEventAsync(IPage page)
    {
        await page.VisitAsync("/kalender");
        var card = page.Locator(".event-card").Filter(new() { HasText = "platser kvar" }).First;
        var title = (await card.Locator(".event-title").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        return title;
    }

    [Fact]
    public async Task Visitor_registers_sees_the_registration_and_cancels_it()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        var title = await OpenAnOpenEventAsync(page);
        var email = $"webblasare-{Guid.NewGuid().ToString("N")[..8]}@kommun.example.se";

        await page.GetByLabel("Namn").FillAsync("Webb Läsare");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Organisation").FillAsync("Upplands Väsby kommun");
        await page.GetByLabel("Behov (frivilligt)").FillAsync("Hörslinga");
        await page.GetByLabel("Jag godkänner att förbundet sparar mina uppgifter").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmäl mig" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kalender/anmalan/[0-9a-f]{64}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tack! Du är anmäld.");
        await Expect(page.Locator("#registration-status")).ToContainTextAsync("Du har en plats.");
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lägg till i min kalender (.ics)" })).ToBeVisibleAsync();
        Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Avboka min anmälan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Din anmälan är avbokad.");
        await Expect(page.Locator("#registration-status")).ToContainTextAsync("Avbokad");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Avboka min anmälan" })).ToHaveCountAsync(0);
        Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task A_mistake_in_the_form_is_explained_next_to_the_field_and_nothing_typed_is_lost()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await OpenAnOpenEventAsync(page);

        await page.GetByLabel("Namn").FillAsync("Webb Läsare");
        // The browser accepts this address; the server wants a domain with a dot.
        await page.GetByLabel("E-post").FillAsync("webb@kommun");
        await page.GetByLabel("Organisation").FillAsync("Sigtuna kommun");
        await page.GetByLabel("Jag godkänner att förbundet sparar mina uppgifter").CheckAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Anmäl mig" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Skriv en giltig e-postadress");
        await Expect(page.GetByLabel("E-post")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("E-post")).ToHaveValueAsync("webb@kommun");
        await Expect(page.GetByLabel("Organisation")).ToHaveValueAsync("Sigtuna kommun");
        Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());
    }

    [Fact]
    public async Task Registration_and_personal_pages_fit_a_320_pixel_screen()
    {
        await using var session = await browser.OpenAsync(width: 320, height: 640);
        var page = session.Page;
        await OpenAnOpenEventAsync(page);
        await page.GetByLabel("Namn").FillAsync("Smal Skärm");
        await page.GetByLabel("E-post").FillAsync($"smal-{Guid.NewGuid().ToString("N")[..8]}@kommun.example.se");
        await page.GetByLabel("Organisation").FillAsync("Vallentuna kommun");
        await page.GetByLabel("Jag godkänner att förbundet sparar mina uppgifter").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmäl mig" }).ClickAsync();
        await Expect(page.Locator("#registration-status")).ToContainTextAsync("Du har en plats.");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 320, $"{page.Url} is {scrollWidth} px wide: " + string.Join("; ", await page.OverflowingElementsAsync()));
    }
}
