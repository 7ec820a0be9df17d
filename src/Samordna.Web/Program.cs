using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

// Platform: what every feature stands on.
builder.AddWebPlatform();
builder.AddData();
builder.AddSamordnaIdentity();

// Features.

var app = builder.Build();

app.UseWebPlatform();
app.MapWebPlatform();

await app.MigrateDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
