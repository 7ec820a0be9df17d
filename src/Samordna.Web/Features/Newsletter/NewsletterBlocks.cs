namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// The extension point for automatic blocks in a campaign ("Senaste nyheterna", "Kommande evenemang"). An area
/// registers one with <c>services.AddSingleton&lt;INewsletterBlockSource, MySource&gt;()</c> and reads its own
/// tables; the newsletter knows only these items. Without a source for a kind, the campaign form does not offer it.
/// </summary>
public interface INewsletterBlockSource
{
    /// <summary><see cref="NewsletterBlockKinds.News"/> or <see cref="NewsletterBlockKinds.Events"/>.</summary>
    string Kind { get; }

    /// <summary>The block's heading, e.g. "Kommande evenemang".</summary>
    string Heading { get; }

    /// <summary>At most a handful of items; links are site-relative ("/nyheter/…") or absolute.</summary>
    Task<IReadOnlyList<NewsletterBlockItem>> GetItemsAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);
}

public static class NewsletterBlockKinds
{
    public const string News = "news";
    public const string Events = "events";
}

/// <param name="Title">The item's title.</param>
/// <param name="Url">Site-relative or absolute address.</param>
/// <param name="Summary">One or two sentences, or null.</param>
/// <param name="When">A date line such as "8 november kl. 9–10", or null.</param>
public sealed record NewsletterBlockItem(string Title, string Url, string? Summary = null, string? When = null);

/// <summary>A block as placed in a campaign.</summary>
public sealed record NewsletterBlock(string Heading, IReadOnlyList<NewsletterBlockItem> Items);
