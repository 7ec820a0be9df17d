namespace Samordna.Web.Platform.Search;

/// <summary>What an area tells the search index about one of its things. <paramref name="Text"/> is plain text.</summary>
public sealed record SearchItem(string Area, string Key, string Title, string Text, string Url, DateTimeOffset? Date,
    DateTimeOffset? VisibleFrom = null);

/// <summary>
/// The site's search index. An area calls <see cref="SetAsync"/> after it has saved something public (or scheduled to
/// become public) and <see cref="RemoveAsync"/> after it has unpublished or deleted it. Each call commits on its own,
/// independent of the caller's unit of work.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds the item, or replaces the area's entry with the same key.</summary>
    Task SetAsync(SearchItem item, CancellationToken cancellationToken);

    /// <summary>Removes the area's entry with this key, if there is one.</summary>
    Task RemoveAsync(string area, string key, CancellationToken cancellationToken);

    /// <summary>Replaces every entry of the area with <paramref name="items"/>, in one transaction.</summary>
    Task ReplaceAreaAsync(string area, IAsyncEnumerable<SearchItem> items, CancellationToken cancellationToken);
}

/// <summary>
/// One area's searchable things, for rebuilding its part of the index (at start, when the index has lost step with
/// the area, and after the demo content is loaded). Registered with <c>services.AddSearchSource&lt;T&gt;()</c>; scoped.
/// </summary>
public interface ISearchSource
{
    /// <summary>The area's key in the index ("nyheter").</summary>
    string Area { get; }

    /// <summary>What one hit is called on the results page, in Swedish ("Nyhet").</summary>
    string Label { get; }

    /// <summary>How many items <see cref="GetItemsAsync"/> would give, cheaply.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<SearchItem> GetItemsAsync(CancellationToken cancellationToken);
}
