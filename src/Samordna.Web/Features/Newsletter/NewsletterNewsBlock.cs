using Samordna.Web.Features.News;

namespace Samordna.Web.Features.Newsletter;

/// <summary>"Senaste nyheterna": the latest published articles, read through the News area's public queries.</summary>
public sealed class NewsletterNewsBlock : INewsletterBlockSource
{
    public const int Count = 3;

    public string Kind => NewsletterBlockKinds.News;

    public string Heading => "Senaste nyheterna";

    public async Task<IReadOnlyList<NewsletterBlockItem>> GetItemsAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var news = services.GetRequiredService<NewsQueries>();
        var latest = await news.LatestAsync(Count, cancellationToken);
        return [.. latest.Select(a => new NewsletterBlockItem(a.Title, a.Url, string.IsNullOrWhiteSpace(a.Ingress) ? null : a.Ingress))];
    }
}
