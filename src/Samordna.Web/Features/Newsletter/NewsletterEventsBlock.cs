using Samordna.Web.Features.Events;

namespace Samordna.Web.Features.Newsletter;

/// <summary>"Kommande evenemang": the next public events, read through the Events area's public queries.</summary>
public sealed class NewsletterEventsBlock : INewsletterBlockSource
{
    public const int Count = 3;

    public string Kind => NewsletterBlockKinds.Events;

    public string Heading => "Kommande evenemang";

    public async Task<IReadOnlyList<NewsletterBlockItem>> GetItemsAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Public events only: a newsletter goes to people without accounts.
        var events = await services.GetRequiredService<EventQueries>().UpcomingAsync(now, signedIn: false, Count, cancellationToken);
        return [.. events.Select(e => new NewsletterBlockItem(e.Title, e.Path, string.IsNullOrWhiteSpace(e.Summary) ? null : e.Summary, EventTime.Describe(e)))];
    }
}
