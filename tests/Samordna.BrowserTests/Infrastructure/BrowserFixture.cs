using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Samordna.BrowserTests.Infrastructure;

/// <summary>
/// One running application and one headless Chromium for the whole browser suite. Each test opens its own
/// browser context (own cookies), so tests do not see each other's sign-ins.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser of its own here. SAMORDNA_CHROMIUM overrides the path.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SAMORDNA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly BrowserApp app = new();
    private readonly ConcurrentDictionary<Visitor, Lazy<Task<string>>> signedInStates = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running application's services, for a test that acts as the server would (e.g. ends a connection).</summary>
    public IServiceProvider Services => app.Services;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Install Debian's package: apt-get install -y chromium (test.sh does).");
        }
        app.UseKestrel(0);
        app.StartServer();
        BaseUrl = app.ClientOptions.BaseAddress;

        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>A fresh browser context and page; dispose it to close them. Signed in when <paramref name="visitor"/> has an account.</summary>
    public async Task<BrowserSession> OpenAsync(Visitor visitor = Visitor.Anonymous, int width = 1280, int height = 900)
    {
        var storageState = visitor == Visitor.Anonymous ? null : await signedInStates
            .GetOrAdd(visitor, v => new Lazy<Task<string>>(() => SignInOnceAsync(v)))
            .Value;
        return await NewSessionAsync(storageState, width, height);
    }

    private async Task<BrowserSession> NewSessionAsync(string? storageState, int width, int height)
    {
        var context = await browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Signs in through the pages once per account and keeps the cookies, so page scans do not repeat it.</summary>
    private async Task<string> SignInOnceAsync(Visitor visitor)
    {
        await using var session = await NewSessionAsync(null, 1280, 900);
        await session.Page.SignInAsync(DemoPerson.For(visitor));
        return await session.Context.StorageStateAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
