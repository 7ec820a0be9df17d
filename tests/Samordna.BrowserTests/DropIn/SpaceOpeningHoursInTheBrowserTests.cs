using System.Globalization;
using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.DropIn;

/// <summary>
/// A staff member of HoppetOnline (Maria in the demo) adds a weekly opening and a special day using the keyboard
/// only, sees them on the public about page, and removes them again (the demo space is shared by the suite).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class SpaceOpeningHoursInTheBrowserTests(BrowserFixture browser)
{
    private const string HoursPage = "/motesplats/hoppetonline/personal/oppettider";

    [Fact]
    public async Task Staff_add_an_opening_hour_and_a_special_day_by_keyboard_only()
    {
        await using var session = await browser.OpenAsync(Visitor.Staff);
        var page = session.Page;
        var keyboard = page.Keyboard;
        await page.VisitAsync(HoursPage);

        // The weekly opening: Saturday 10.00–12.00. Focus starts at the day field; from there it is Tab and typing.
        await page.GetByLabel("Dag", new() { Exact = true }).FocusAsync();
        await keyboard.TypeAsync("Lö");
        await Expect(page.GetByLabel("Dag", new() { Exact = true })).ToHaveValueAsync(((int)DayOfWeek.Saturday).ToString(CultureInfo.InvariantCulture));
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Öppnar", new() { Exact = true })).ToBeFocusedAsync();
        await keyboard.TypeAsync("10.00");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Stänger", new() { Exact = true })).ToBeFocusedAsync();
        await keyboard.TypeAsync("12.00");
        await keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lördag 10.00–12.00 finns nu med i öppettiderna.");
        await Expect(page.Locator("#weekly-rules")).ToContainTextAsync("12.00");

        // A special day three weeks ahead, open at other hours.
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime).AddDays(21);
        // The native date field's segments follow the browser's own locale, so the date is filled in as the field's value;
        // everything after it is Tab, arrow keys and typing.
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Datum", new() { Exact = true })).ToHaveValueAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // Tab goes through the date field's own segments (as many as the locale has) and then to the choice.
        var closed = page.GetByLabel("Stängt hela dagen");
        for (var i = 0; i < 4 && !await closed.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await keyboard.PressAsync("Tab");
        }
        await Expect(closed).ToBeFocusedAsync();
        await keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByLabel("Öppet andra tider")).ToBeCheckedAsync();
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Öppnar (om öppet)")).ToBeFocusedAsync();
        await keyboard.TypeAsync("11.00");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("13.00");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Anteckning (frivilligt)")).ToBeFocusedAsync();
        await keyboard.TypeAsync("Julfika");
        await keyboard.PressAsync("Enter");

        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Den avvikande dagen {date.ToString("dddd d MMMM", swedish)} är sparad.");
        Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());

        await page.VisitAsync("/motesplats/hoppetonline/om");
        await Expect(page.Locator("#weekly-hours")).ToContainTextAsync("Lördag 10.00–12.00");
        await Expect(page.Locator("#coming-days")).ToContainTextAsync($"Julfika, {date.ToString("dddd d MMMM", swedish)}: öppet 11.00–13.00");
        await Expect(page.Locator("#physical-address")).ToHaveTextAsync("Runbyvägen 11, Upplands Väsby");

        // Clean up, by keyboard too: focus the remove buttons by their names and press Enter.
        await page.VisitAsync(HoursPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Lördag 10.00–12.00" }).FocusAsync();
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Öppettiden är borttagen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort " + date.ToString("dddd d MMMM", swedish) }).FocusAsync();
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Den avvikande dagen är borttagen.");
        Assert.Empty(session.Problems);
    }
}
