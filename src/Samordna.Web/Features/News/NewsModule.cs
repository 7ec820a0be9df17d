using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>
/// News: the public list, archive, articles, feed and images under /nyheter; the editors' pages under
/// /redaktion/nyheter (policy Editor); /sitemap.xml and /robots.txt; the start page's latest-news block.
/// </summary>
public static class NewsModule
{
    public static WebApplicationBuilder AddNews(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/News/Admin", Policies.Editor);
            o.Conventions.AddPageRoute("/News/Admin/Edit", "/redaktion/nyheter/ny");
        });
        services.AddScoped<NewsQueries>();
        services.AddScoped<NewsEditor>();
        services.AddScoped<NewsImageStore>();
        services.AddScoped<IScheduledPublication, NewsScheduledPublication>();
        services.AddScoped<ISitemapSource, NewsSitemapSource>();
        services.AddSearchSource<NewsSearchSource>();
        services.AddStartPageBlock<LatestNewsViewComponent>(10);
        services.AddDemoSeeder<NewsDemoSeeder>();
        services.AddSingleton(new EnglishTexts(NewsEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [NewsAuditActions.Created] = "Nyhet skapad",
            [NewsAuditActions.Updated] = "Nyhet ändrad",
            [NewsAuditActions.Published] = "Nyhet publicerad",
            [NewsAuditActions.Scheduled] = "Nyhet schemalagd",
            [NewsAuditActions.Unpublished] = "Nyhet avpublicerad",
            [NewsAuditActions.Deleted] = "Nyhet borttagen",
        }));
        return builder;
    }

    public static WebApplication MapNews(this WebApplication app)
    {
        app.MapNewsEndpoints();
        app.MapSitemap();
        return app;
    }
}
