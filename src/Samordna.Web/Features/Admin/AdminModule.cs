namespace Samordna.Web.Features.Admin;

public static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAdmin(this WebApplication app) => app;
}
