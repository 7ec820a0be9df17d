namespace Samordna.Web.Features.Search;

public static class SearchModule
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSearch(this WebApplication app) => app;
}
