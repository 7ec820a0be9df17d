using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Search;

/// <summary>
/// <see cref="ISearchIndex"/> on the SearchEntries table. It works in a scope (and so a DbContext) of its own, so an
/// area's pending changes are never saved by accident and a failure here never undoes the area's own save.
/// </summary>
public sealed class SearchIndex(IServiceScopeFactory scopes, TimeProvider time) : ISearchIndex
{
    public async Task SetAsync(SearchItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var attempt = 1; ; attempt++)
        {
            var entry = await db.Set<SearchEntry>().FirstOrDefaultAsync(e => e.Area == item.Area && e.Key == item.Key, cancellationToken);
            if (entry is null)
            {
                entry = new SearchEntry { Area = item.Area, Key = item.Key };
                db.Add(entry);
            }
            Fill(entry, item, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Someone else indexed the same key between our read and our insert: update theirs instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task RemoveAsync(string area, string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<SearchEntry>().Where(e => e.Area == area && e.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task ReplaceAreaAsync(string area, IAsyncEnumerable<SearchItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<SearchEntry>().Where(e => e.Area == area).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (item.Area != area || !keys.Add(item.Key))
            {
                continue;
            }
            var entry = new SearchEntry { Area = area, Key = item.Key };
            Fill(entry, item, now);
            db.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Fill(SearchEntry entry, SearchItem item, DateTimeOffset now)
    {
        entry.Title = Clean(item.Title, SearchEntry.TitleMaxLength);
        entry.Text = Clean(item.Text, SearchEntry.TextMaxLength);
        entry.Url = item.Url.Length <= SearchEntry.UrlMaxLength ? item.Url : throw new ArgumentException("The address is too long for the search index.", nameof(item));
        entry.Date = item.Date;
        entry.VisibleFrom = item.VisibleFrom;
        entry.IndexedAt = now;
    }

    /// <summary>
    /// Text as the index keeps it: on one line (line breaks, tabs and runs of spaces become one space), without other
    /// control characters and without the private-use characters that mark hits in snippets, so only the database's
    /// own marks can ever become highlights.
    /// </summary>
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength || (builder.Length == maxLength - 1 && char.IsHighSurrogate(c)))
            {
                break;
            }
            if (c is SearchSnippet.StartMark or SearchSnippet.EndMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString().TrimEnd();
    }
}
