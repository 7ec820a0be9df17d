namespace Samordna.Web.Features.Pages;

public static class PagesModule
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapPages(this WebApplication app) => app;
}
