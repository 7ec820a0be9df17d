using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Documents;
using Samordna.Web.Platform.Demo;

namespace Samordna.Tests.Features.Documents;

public sealed class DocumentsDemoSeederTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task Demo_documents_are_real_pdfs_spread_over_the_years_and_categories()
    {
        await factory.WithServicesAsync(async services =>
        {
            var seeder = services.GetServices<IDemoSeeder>().OfType<DocumentsDemoSeeder>().Single();
            Assert.Equal(25, seeder.Order);
            await seeder.SeedAsync(services, DocumentTestData.Ct);
            await seeder.SeedAsync(services, DocumentTestData.Ct); // Idempotent.
            return 0;
        });
        var client = factory.CreateBrowserClient();

        var page = await client.GetDocumentAsync("/dokument");
        Assert.Equal(7, page.QuerySelectorAll(".document-item").Length);
        Assert.Equal(["2022", "2021", "2020", "2019", "2018"], page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToArray());
        var report = page.QuerySelectorAll(".document-item").Single(li => li.QuerySelector("a")!.TextContent.StartsWith("Årsredovisning 2019", StringComparison.Ordinal));
        Assert.Equal("19 mars 2020", report.QuerySelector("time")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".document-filter a[href='/dokument?kategori=anslagstavla']"));

        using var file = await client.GetPathAsync(report.QuerySelector("a")!.GetAttribute("href")!);
        var bytes = await file.Content.ReadAsByteArrayAsync(DocumentTestData.Ct);
        Assert.True(DocumentStore.IsPdf(bytes));
        Assert.Contains("/Title (Årsredovisning 2019)", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}
