using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Newsletter;
using Samordna.Web.Platform.Demo;

namespace Samordna.Tests.Features.Newsletter;

public sealed class NewsletterDemoSeederTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    [Fact]
    public async Task Demo_content_has_confirmed_subscribers_and_one_sent_issue_in_the_archive()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.WithServicesAsync(async services =>
        {
            var seeder = services.GetServices<IDemoSeeder>().OfType<NewsletterDemoSeeder>().Single();
            Assert.Equal(40, seeder.Order);
            await seeder.SeedAsync(services, ct);
            return 0;
        });

        var confirmed = await factory.WithDbAsync(db => db.Set<Subscriber>().CountAsync(s => s.Status == SubscriberStatus.Confirmed, ct));
        Assert.True(confirmed >= 3);
        var archive = await factory.CreateBrowserClient().GetDocumentAsync("/nyhetsbrev/arkiv");
        var link = archive.QuerySelectorAll("main .archive-list a").Single(a => a.TextContent == NewsletterDemoSeeder.DemoSubject);
        var issue = await factory.CreateBrowserClient().GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Contains("Myndigheten för ungdoms- och civilsamhällsfrågor", issue.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("24 oktober 2022", issue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
