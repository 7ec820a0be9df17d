namespace Samordna.Web.Features.Documents;

public static class DocumentsModule
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDocuments(this WebApplication app) => app;
}
