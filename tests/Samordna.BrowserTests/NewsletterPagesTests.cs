using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordna.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samordna.BrowserTests;

/// <summary>
/// The subscriber's pages sit behind signed links, so no fixed address reaches them: this test signs up in the
/// browser, reads the confirmation e-mail in the administrators' mail viewer, and follows its links as a person
/// would, scanning each page (WCAG 2.1 AA) and its width at 320 px on the way.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class NewsletterPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pages_reached_from_the_newsletter_emails_have_no_WCAG_21_AA_violations()
    {
        var email = $"prenumerant.{Guid.NewGuid().ToString("N")[..8]}@example.se";
        await using var visitor = await browser.OpenAsync(width: 320, height: 640);
        var page = visitor.Page;
        await page.VisitAsync("/nyhetsbrev");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Prenumerera" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Titta i din inkorg");

        var confirmation = await ConfirmationLinkAsync(email);
        await page.VisitAsync(confirmation);
        await CheckAsync(visitor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, jag vill få utskicken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Du prenumererar nu");
        await CheckAsync(visitor);

        await page.GetByRole(AriaRole.Link, new() { Name = "Välj utskick, ladda ner dina uppgifter eller avsluta" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dina inställningar");
        await CheckAsync(visitor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mina val" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dina val är sparade");
        await CheckAsync(visitor);

        var unsubscribe = page.Url.Replace("/nyhetsbrev/installningar", "/nyhetsbrev/avsluta", StringComparison.Ordinal);
        await page.VisitAsync(unsubscribe);
        await CheckAsync(visitor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta prenumerationen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Du prenumererar inte längre");
        await CheckAsync(visitor);
    }

    private static async Task CheckAsync(BrowserSession session)
    {
        var violations = await session.Page.AxeViolationsAsync();
        Assert.True(violations.Length == 0, violations);
        var width = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{session.Page.Url} is {width} px wide at 320 px: " + string.Join("; ", await session.Page.OverflowingElementsAsync()));
        Assert.Empty(session.Problems);
    }

    /// <summary>The confirmation link, read from the e-mail in the mail viewer (the dispatcher may take a moment).</summary>
    private async Task<string> ConfirmationLinkAsync(string email)
    {
        await using var admin = await browser.OpenAsync(Visitor.Administrator);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await admin.Page.VisitAsync("/admin/e-post");
            var row = admin.Page.Locator("tr", new() { HasText = email });
            if (await row.CountAsync() > 0)
            {
                await row.First.GetByRole(AriaRole.Link).First.ClickAsync();
                var text = await admin.Page.Locator("pre.mail-text").InnerTextAsync();
                var match = ConfirmLink().Match(text);
                if (match.Success)
                {
                    return new Uri(match.Value).PathAndQuery;
                }
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"No confirmation e-mail to {email} in the mail viewer.");
    }

    [GeneratedRegex(@"https?://\S+/nyhetsbrev/bekrafta\?t=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
