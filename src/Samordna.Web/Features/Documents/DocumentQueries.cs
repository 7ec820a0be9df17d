using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Documents;

/// <summary>The public side's reads of documents (every document is public once uploaded).</summary>
public sealed class DocumentQueries(AppDbContext db)
{
    /// <summary>Documents, newest year first and, within a year, the latest upload first; optionally of one category.</summary>
    public async Task<IReadOnlyList<DocumentListItem>> ListAsync(DocumentCategory? category, CancellationToken cancellationToken)
    {
        var query = db.Set<Document>().AsNoTracking();
        if (category is { } c)
        {
            query = query.Where(d => d.Category == c);
        }
        return await query
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.FileUploadedAt).ThenByDescending(d => d.Id)
            .Select(d => new DocumentListItem(d.Id, d.Title, d.Year, d.Category, d.Length, d.FileUploadedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many documents each category has (categories without any are left out).</summary>
    public async Task<IReadOnlyDictionary<DocumentCategory, int>> CountsAsync(CancellationToken cancellationToken) =>
        (await db.Set<Document>().GroupBy(d => d.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);

    public Task<Document?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Document>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
}

public sealed record DocumentListItem(int Id, string Title, int Year, DocumentCategory Category, long Length, DateTimeOffset FileUploadedAt)
{
    public string Url => DocumentUrls.File(Id, Title);
}
