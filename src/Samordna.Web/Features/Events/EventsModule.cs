using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events;

/// <summary>
/// Events and webinars: the calendar at /kalender with registration, the waiting list and personal links, calendar
/// files (/kalender.ics and one per registration), reminders and anonymisation in the background, and the
/// editors' tools under /redaktion/kalender (Editor policy: the communications officer runs events, and the
/// registrations are personal data of people outside the förbund).
/// </summary>
public static class EventsModule
{
    public const string FeedPath = "/kalender.ics";

    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EventsOptions>()
            .Bind(builder.Configuration.GetSection(EventsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        services.AddScoped<EventQueries>();
        services.AddScoped<EventMails>();
        services.AddScoped<EventCalendarFiles>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<EventAdminService>();
        services.AddSingleton<EventJobs>();
        services.AddHostedService<EventJobsService>();
        services.AddStartPageBlock<UpcomingEventsBlock>(20);
        services.AddDemoSeeder<EventsDemoSeeder>();
        services.AddSingleton(new EnglishTexts(EventsEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [EventAdminService.MessageSentAction] = "Meddelande till anmälda skickat",
        }));
        services.AddScoped<ISitemapSource, EventsSitemapSource>();
        services.AddScoped<IScheduledPublication, EventsScheduledPublication>();
        services.AddSearchSource<EventsSearchSource>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Events/Admin", Policies.Editor);
            options.Conventions.AddPageRoute("/Events/Admin/Index", "redaktion/kalender/arkiv");
        });
        return builder;
    }

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapGet(FeedPath, async (EventQueries queries, EventCalendarFiles files, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
        {
            var events = await queries.FeedAsync(time.GetUtcNow(), cancellationToken);
            context.Response.Headers.CacheControl = "public, max-age=900";
            return Results.Text(files.Feed(events, EventLinks.BaseUrlOf(context.Request)), EventCalendarFiles.ContentType);
        });

        app.MapGet("/kalender/anmalan/{token}/kalender.ics", async (string token, AppDbContext db, EventCalendarFiles files, HttpContext context, CancellationToken cancellationToken) =>
        {
            var registration = await db.Set<EventRegistration>().AsNoTracking().Include(r => r.Event)
                .SingleOrDefaultAsync(r => r.Token == token, cancellationToken);
            if (registration?.Event is null)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "no-store";
            var bytes = System.Text.Encoding.UTF8.GetBytes(files.ForRegistration(registration.Event, registration));
            return Results.File(bytes, EventCalendarFiles.ContentType, registration.Event.Slug + ".ics");
        });
        return app;
    }
}
