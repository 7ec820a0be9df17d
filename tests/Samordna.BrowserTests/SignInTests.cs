using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_sign_in_with_password_and_authenticator_code()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await page.SignInAsync(DemoPerson.Tina);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mitt konto" })).ToContainTextAsync(DemoPerson.Tina.DisplayName);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Wrong_password_shows_a_Swedish_error_and_keeps_the_email()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.VisitAsync("/konto/logga-in");

        await page.GetByLabel("E-post eller användarnamn").FillAsync(DemoPerson.Tina.SignIn);
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("fel-lösenord");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fel e-postadress, användarnamn eller lösenord");
        await Expect(page.GetByLabel("E-post eller användarnamn")).ToHaveValueAsync(DemoPerson.Tina.SignIn);
        await Expect(page.GetByLabel("Lösenord", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mitt konto" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Keyboard_user_reaches_the_skip_link_first_and_it_moves_focus_to_main()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.VisitAsync("/");

        await page.Keyboard.PressAsync("Tab");

        var focused = page.Locator(":focus");
        await Expect(focused).ToHaveTextAsync("Hoppa till innehållet");
        await Expect(focused).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
