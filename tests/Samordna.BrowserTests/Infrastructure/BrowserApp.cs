using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Samordna.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel (a free port on loopback), in Development with a data folder of its own, so
/// it starts on an empty SQLite database and loads the demo content and demo accounts, as a newcomer sees it.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "samordna-browser-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Samordna:DataDirectory", DataDirectory);
        // Always SQLite here, whatever the environment says: the browser suite checks pages, not providers.
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Samordna", "");
        // One browser signs in many times a minute; the limits are tested elsewhere.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:FormsPerMinute", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background service; the temp folder is cleaned by the OS.
        }
    }
}
