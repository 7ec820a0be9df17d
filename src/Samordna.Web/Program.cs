using Samordna.Web.Features.Account;
using Samordna.Web.Features.Admin;
using Samordna.Web.Features.Documents;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.Events;
using Samordna.Web.Features.News;
using Samordna.Web.Features.Newsletter;
using Samordna.Web.Features.Pages;
using Samordna.Web.Features.Search;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Sms;
using Samordna.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

// Platform: what every feature stands on.
builder.AddWebPlatform();
builder.AddData();
builder.AddSamordnaIdentity();
builder.AddEmail();
builder.AddSms();

// Features.
builder.AddAccount();
builder.AddAdmin();
builder.AddPages();
builder.AddNews();
builder.AddDocuments();
builder.AddSearch();
builder.AddEvents();
builder.AddNewsletter();
builder.AddDropIn();

var app = builder.Build();

app.UseWebPlatform();
app.MapWebPlatform();
app.MapEmail();
app.MapAccount();
app.MapAdmin();
app.MapPages();
app.MapNews();
app.MapDocuments();
app.MapSearch();
app.MapEvents();
app.MapNewsletter();
app.MapDropIn();

await app.MigrateDatabaseAsync();
await app.SeedAsync();
await app.RunAsync();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
