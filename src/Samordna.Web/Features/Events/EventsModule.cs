namespace Samordna.Web.Features.Events;

public static class EventsModule
{
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapEvents(this WebApplication app) => app;
}
