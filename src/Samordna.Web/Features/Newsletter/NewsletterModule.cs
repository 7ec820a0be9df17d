namespace Samordna.Web.Features.Newsletter;

public static class NewsletterModule
{
    public static WebApplicationBuilder AddNewsletter(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapNewsletter(this WebApplication app) => app;
}
