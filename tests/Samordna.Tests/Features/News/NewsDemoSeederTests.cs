using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.News;
using Samordna.Web.Platform.Demo;

namespace Samordna.Tests.Features.News;

public sealed class NewsDemoSeederTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task Demo_news_fills_March_2020_and_leaves_the_months_around_it_empty()
    {
        factory.Clock.Set(NewsTestData.Utc(2026, 11, 27));
        await factory.WithServicesAsync(async services =>
        {
            var seeder = services.GetServices<IDemoSeeder>().OfType<NewsDemoSeeder>().Single();
            Assert.Equal(20, seeder.Order);
            await seeder.SeedAsync(services, TestContext.Current.CancellationToken);
            return 0;
        });
        var client = factory.CreateBrowserClient();

        var article = await client.GetDocumentAsync("/nyheter/2020/03/digitalt-drop-in");
        Assert.Contains("Runbyvägen 11", article.QuerySelector(".news-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tina Claesson", article.QuerySelector(".news-body")!.TextContent, StringComparison.Ordinal);

        var march = await client.GetDocumentAsync("/nyheter/2020/03");
        Assert.Equal(5, march.QuerySelectorAll(".news-item").Length);

        var february = await client.GetDocumentAsync("/nyheter/2020/02");
        Assert.Equal("Det finns inga nyheter för den här perioden.", february.QuerySelector(".news-empty")!.TextContent);
        Assert.Equal("/nyheter/2020/03", february.QuerySelector(".news-neighbours a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPathAsync("/nyheter/2020/03/frukostmote-om-ips")).StatusCode);
    }

    [Fact]
    public void Hard_wrapped_demo_text_becomes_one_line_per_paragraph_item_and_quote()
    {
        const string Wrapped = "Ett stycke\nsom fortsätter.\n\n- En punkt\n  som fortsätter\n- Nästa\n\n> Citat\n> fortsätter\n\n## Rubrik\nText";
        Assert.Equal("Ett stycke som fortsätter.\n\n- En punkt som fortsätter\n- Nästa\n\n> Citat fortsätter\n\n## Rubrik\nText",
            NewsDemoSeeder.Unwrap(Wrapped));
    }
}
