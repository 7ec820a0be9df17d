using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents;

/// <summary>The documents' files: /dokument/{id}/{name}.pdf.</summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/dokument/{id:int}/{name}", [HttpMethods.Get, HttpMethods.Head], ServeFileAsync).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// The PDF, with its type, a download name taken from the title (RFC 6266: an ASCII fallback and the UTF-8 name
    /// in filename*), nosniff, and validators (ETag from the file's id, Last-Modified from its upload) so browsers and
    /// proxies can revalidate instead of downloading it again. An old or mistyped name redirects to the current one.
    /// </summary>
    private static async Task<IResult> ServeFileAsync(int id, string name, HttpContext context, DocumentQueries documents, DocumentStore store)
    {
        var document = await documents.FindAsync(id, context.RequestAborted);
        if (document is null)
        {
            return Results.NotFound();
        }
        var url = document.Url;
        if (!string.Equals(context.Request.Path.Value, url, StringComparison.Ordinal))
        {
            return Results.Redirect(url, permanent: true);
        }
        var path = store.PathOf(document.FileId);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=300";
        headers.ContentDisposition = ContentDisposition("inline", document.DownloadFileName);
        return Results.File(path, "application/pdf", lastModified: document.FileUploadedAt,
            entityTag: new EntityTagHeaderValue("\"" + document.FileId.ToString("N") + "\""), enableRangeProcessing: true);
    }

    /// <summary>
    /// inline; filename="Arsredovisning 2019.pdf"; filename*=UTF-8''%C3%85rsredovisning%202019.pdf — browsers that
    /// read filename* (all current ones) save "Årsredovisning 2019.pdf"; others get the name with å, ä, ö folded.
    /// </summary>
    public static string ContentDisposition(string type, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            ascii.Append(c is >= ' ' and <= '~' && c is not '"' and not '\\' ? c : '_');
        }
        return $"{type}; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}

/// <summary>The documents' addresses for /sitemap.xml: the list and every file.</summary>
public sealed class DocumentSitemapSource(AppDbContext db) : ISitemapSource
{
    public async IAsyncEnumerable<SitemapEntry> GetEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var documents = await db.Set<Document>().AsNoTracking()
            .Select(d => new { d.Id, d.Title, d.UpdatedAt, d.FileUploadedAt })
            .ToListAsync(cancellationToken);
        yield return new SitemapEntry(DocumentUrls.Root, documents.Count == 0 ? null : documents.Max(d => d.UpdatedAt));
        foreach (var d in documents.OrderBy(d => d.Id))
        {
            yield return new SitemapEntry(DocumentUrls.File(d.Id, d.Title), d.FileUploadedAt);
        }
    }
}
