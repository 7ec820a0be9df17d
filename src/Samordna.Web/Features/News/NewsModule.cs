namespace Samordna.Web.Features.News;

public static class NewsModule
{
    public static WebApplicationBuilder AddNews(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapNews(this WebApplication app) => app;
}
