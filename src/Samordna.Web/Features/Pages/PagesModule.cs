using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Pages;

/// <summary>
/// Editable pages: the five required ones at their Swedish addresses, further pages at /sida/{slug}, and the
/// editors' tools under /redaktion (the editorial landing page and /redaktion/sidor), all for the Editor policy.
/// </summary>
public static class PagesModule
{
    public const string ShowPage = "/Pages/Show";

    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ContentPageService>();
        services.AddSingleton<PageBodyRenderer>();
        services.AddSearchSource<PagesSearchSource>();
        services.AddScoped<ISitemapSource, PagesSitemapSource>();
        services.AddDefaultContentSeeder<DefaultPagesSeeder>();
        services.AddSingleton(new EnglishTexts(PagesEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string> { [ContentPageService.PageDeletedAction] = "Sida borttagen" }));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Pages/Admin", Policies.Editor);
            options.Conventions.AuthorizeFolder("/Editorial", Policies.Editor);
            foreach (var slug in RequiredPages.Slugs)
            {
                options.Conventions.AddPageRoute(ShowPage, slug);
            }
        });
        return builder;
    }

    /// <summary>Everything is a Razor Page (mapped by the web platform); nothing else to map.</summary>
    public static WebApplication MapPages(this WebApplication app) => app;
}
