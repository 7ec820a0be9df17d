namespace Samordna.Web.Platform.Email;

public static class EmailModule
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapEmail(this WebApplication app) => app;
}
