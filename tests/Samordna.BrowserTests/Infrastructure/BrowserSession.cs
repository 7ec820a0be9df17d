using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Samordna.BrowserTests.Infrastructure;

/// <summary>
/// One browser context with one page. It records what a visitor would not see but a developer must: scripts or
/// styles the Content Security Policy refused (inline script or style slipped in) and uncaught script errors.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> problems = new();

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"{page.Url}: uncaught script error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>CSP refusals and script errors seen so far.</summary>
    public IReadOnlyCollection<string> Problems => [.. problems];

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
