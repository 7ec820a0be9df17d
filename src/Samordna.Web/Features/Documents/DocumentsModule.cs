using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents;

/// <summary>
/// Documents: the public list at /dokument and the PDFs at /dokument/{id}/{name}.pdf; the editors' pages under
/// /redaktion/dokument (policy Editor); the documents' sitemap entries, search source and demo content.
/// </summary>
public static class DocumentsModule
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Documents/Admin", Policies.Editor);
            o.Conventions.AddPageRoute("/Documents/Admin/Edit", DocumentUrls.New);
        });
        services.AddScoped<DocumentQueries>();
        services.AddScoped<DocumentEditor>();
        services.AddSingleton<DocumentStore>();
        services.AddScoped<ISitemapSource, DocumentSitemapSource>();
        services.AddSearchSource<DocumentSearchSource>();
        services.AddDemoSeeder<DocumentsDemoSeeder>();
        services.AddSingleton(new EnglishTexts(DocumentsEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [DocumentAuditActions.Created] = "Dokument uppladdat",
            [DocumentAuditActions.Updated] = "Dokument ändrat",
            [DocumentAuditActions.FileReplaced] = "Dokumentets fil ersatt",
            [DocumentAuditActions.Deleted] = "Dokument borttaget",
        }));
        return builder;
    }

    public static WebApplication MapDocuments(this WebApplication app)
    {
        app.MapDocumentEndpoints();
        return app;
    }
}
