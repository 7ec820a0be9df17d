using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samordna.Tests.Infrastructure;

namespace Samordna.BrowserTests.Infrastructure;

/// <summary>What a person does on the site, and what a tester checks on a page.</summary>
public static class PageSteps
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Signs in through the sign-in page and, for accounts with an authenticator, the two-factor page, by the visible labels.</summary>
    public static async Task SignInAsync(this IPage page, DemoPerson person)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(person);
        await page.GotoAsync("/konto/logga-in");
        await page.GetByLabel("E-post eller användarnamn").FillAsync(person.SignIn);
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(DemoPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();

        if (person.UsesAuthenticator)
        {
            await page.GetByLabel("Sexsiffrig kod").FillAsync(Totp.Code(DemoPerson.AuthenticatorKey, TimeProvider.System.GetUtcNow()));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verifiera", Exact = true }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mitt konto" })).ToBeVisibleAsync();
    }

    /// <summary>Opens <paramref name="url"/> and fails unless it answers with <paramref name="expectedStatus"/> (so a missing page is never scanned as its 404 page).</summary>
    public static async Task VisitAsync(this IPage page, string url, int expectedStatus = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.True(response.Status == expectedStatus,
            $"GET {url} answered {response.Status}, expected {expectedStatus}{(response.Status == 404 ? " (is the page missing?)" : "")}.");
    }

    /// <summary>The WCAG 2.1 A and AA violations axe-core finds on the current page, described for a developer; empty when there are none.</summary>
    public static async Task<string> AxeViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        if (result.Violations.Length == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{result.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"    target {node.Target}: {Shorten(node.Html, 200)}");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The elements that make the page scroll sideways: past the right edge of the viewport and not clipped by a
    /// scrolling ancestor (an absolutely positioned element escapes an overflow container that is not positioned).
    /// </summary>
    public static async Task<string[]> OverflowingElementsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>("""
            () => {
              const limit = document.documentElement.clientWidth + 0.5;
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
                ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)';
              const escapes = e => {
                const position = getComputedStyle(e).position;
                if (position === 'fixed') return true;
                let needsPositioned = position === 'absolute';
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                  const style = getComputedStyle(a);
                  if (needsPositioned && style.position === 'static') continue;
                  if (style.overflowX !== 'visible') return false;
                  if (style.position === 'fixed') return true;
                  needsPositioned = style.position === 'absolute';
                }
                return true;
              };
              const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > limit && escapes(e));
              return culprits.filter(e => !culprits.some(c => c !== e && c.contains(e))).slice(0, 10).map(describe);
            }
            """);
    }

    private static string Shorten(string? text, int max) =>
        text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}
