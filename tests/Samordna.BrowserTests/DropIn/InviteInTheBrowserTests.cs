using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests.DropIn;

/// <summary>
/// Staff invite a young person by SMS; an administrator reads the SMS in the message viewer; the young person opens
/// the link in another browser, creates an account and lands in HoppetOnline. Staff sign in as Maria (staff of
/// HoppetOnline in the demo), since the demo's Tina is kept for the sign-in tests.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class InviteInTheBrowserTests(BrowserFixture browser)
{
    private const string InvitePage = "/motesplats/hoppetonline/personal/inbjudningar";

    [Fact]
    public async Task Staff_invite_by_sms_and_the_young_person_joins_from_the_link()
    {
        var digits = Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        var typed = $"076-{digits[..3]} {digits[3..5]} {digits[5..]}";

        await using var staff = await browser.OpenAsync(Visitor.Staff);
        await staff.Page.VisitAsync(InvitePage);
        Assert.True((await staff.Page.AxeViolationsAsync()).Length == 0, await staff.Page.AxeViolationsAsync());
        await staff.Page.GetByLabel("Mobilnummer").FillAsync(typed);
        await staff.Page.GetByLabel("Personligt meddelande (valfritt)").FillAsync("Hej! Här är länken vi pratade om.");
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        await Expect(staff.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Inbjudan är skickad till +46 76-*** **{digits[5..]}");
        await Expect(staff.Page.Locator(".invite-list tbody tr").First).ToContainTextAsync("Skickad");
        Assert.True((await staff.Page.AxeViolationsAsync()).Length == 0, await staff.Page.AxeViolationsAsync());

        await using var admin = await browser.OpenAsync(Visitor.Administrator);
        await admin.Page.VisitAsync("/admin/e-post/sms?mottagare=" + Uri.EscapeDataString(typed));
        var text = await admin.Page.Locator(".sms-text").First.InnerTextAsync();
        Assert.Contains("Hej! Här är länken vi pratade om.", text, StringComparison.Ordinal);
        Assert.True((await admin.Page.AxeViolationsAsync()).Length == 0, await admin.Page.AxeViolationsAsync());
        var link = new Uri(LinkPattern().Match(text).Value);

        await using var young = await browser.OpenAsync(width: 360, height: 740);
        var page = young.Page;
        await page.VisitAsync(link.PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("HoppetOnline");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Husregler" })).ToBeVisibleAsync();
        Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());
        Assert.Empty(await page.OverflowingElementsAsync());

        var pseudonym = "Webbfjäril " + digits[..3];
        await page.GetByLabel("Namn som de andra ser (pseudonym)").FillAsync(pseudonym);
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("Solsken-över-Väsby-7");
        await page.GetByLabel("Upprepa lösenordet").FillAsync("Solsken-över-Väsby-7");
        await page.GetByLabel("Födelseår").FillAsync("1990");
        await page.GetByLabel("Jag har läst husreglerna och lovar att följa dem").CheckAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Gå med" }).ClickAsync(),
            r => r.Request.Method == "POST");

        // Too old for HoppetOnline (16–29): explained at the field, the pseudonym kept, the password not.
        Assert.Equal(400, refused.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mötesplatsen är till för dig som är 16–29 år.");
        await Expect(page.GetByLabel("Födelseår")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Namn som de andra ser (pseudonym)")).ToHaveValueAsync(pseudonym);
        await Expect(page.GetByLabel("Lösenord", new() { Exact = true })).ToHaveValueAsync("");
        Assert.True((await page.AxeViolationsAsync()).Length == 0, await page.AxeViolationsAsync());

        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("Solsken-över-Väsby-7");
        await page.GetByLabel("Upprepa lösenordet").FillAsync("Solsken-över-Väsby-7");
        await page.GetByLabel("Födelseår").FillAsync("2008");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gå med" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/motesplats/hoppetonline$"));
        var cookies = await young.Context.CookiesAsync();
        var auth = Assert.Single(cookies, c => c.Name == "samordna.auth");
        Assert.True(auth.Expires > TimeProvider.System.GetUtcNow().AddDays(7).ToUnixTimeSeconds(), "A phone stays signed in.");

        // The link is used up.
        await using var again = await browser.OpenAsync();
        await again.Page.VisitAsync(link.PathAndQuery, 410);
        await Expect(again.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Inbjudan är redan använd.");
        Assert.True((await again.Page.AxeViolationsAsync()).Length == 0, await again.Page.AxeViolationsAsync());

        await staff.Page.ReloadAsync();
        await Expect(staff.Page.Locator(".invite-list tbody tr").First).ToContainTextAsync("Använd");

        // Revoking asks first; cancelling changes nothing.
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "Återkalla" }).First.ClickAsync();
        await Expect(staff.Page.GetByRole(AriaRole.Heading, new() { Name = "Återkalla inbjudan?" })).ToBeVisibleAsync();
        Assert.True((await staff.Page.AxeViolationsAsync()).Length == 0, await staff.Page.AxeViolationsAsync());
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "Avbryt" }).ClickAsync();
        await Expect(staff.Page.GetByRole(AriaRole.Heading, new() { Name = "Återkalla inbjudan?" })).ToHaveCountAsync(0);
        Assert.Empty(staff.Problems);
        Assert.Empty(young.Problems);
    }

    [GeneratedRegex(@"https?://\S+/motesplats/inbjudan/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
