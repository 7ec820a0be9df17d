using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;

namespace Samordna.Web.Features.Documents;

/// <summary>
/// The documents' part of the site search: the title, category and year of every document (the PDFs' contents are
/// not read; the text, which the snippet shows, says what kind of document it is and how large). A hit links straight
/// to the PDF.
/// </summary>
public sealed class DocumentSearchSource(AppDbContext db) : ISearchSource
{
    public const string AreaKey = "dokument";

    public string Area => AreaKey;

    public string Label => "Dokument";

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Set<Document>().CountAsync(cancellationToken);

    public async IAsyncEnumerable<SearchItem> GetItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var documents = await db.Set<Document>().AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            yield return ItemFor(document);
        }
    }

    public static SearchItem ItemFor(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{document.Category.Label()}, {document.Year}. PDF, {FileSizes.Format(document.Length, Platform.Time.StockholmTime.Swedish)}.");
        return new SearchItem(AreaKey, Key(document.Id), document.Title, text, document.Url, document.FileUploadedAt);
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
