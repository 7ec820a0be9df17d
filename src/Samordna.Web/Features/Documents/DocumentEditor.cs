using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents;

/// <summary>What an editor typed, already validated by the page.</summary>
public sealed record DocumentDraft(string Title, int Year, DocumentCategory Category);

public sealed record DocumentSaveResult(Document? Document, string? Error)
{
    public bool Succeeded => Document is not null;
}

/// <summary>
/// The editors' writes: uploading, changing, replacing the file of and deleting documents. Every change is audited and
/// empties the public page cache and updates the search index; a file that no document uses any more is removed from
/// the data folder.
/// </summary>
public sealed class DocumentEditor(AppDbContext db, TimeProvider time, AuditLog audit, PublicPageCache cache, DocumentStore store, ISearchIndex search)
{
    public const string ConflictMessage =
        "Dokumentet har ändrats av någon annan sedan du öppnade det. Dina ändringar är inte sparade men finns kvar i formuläret. " +
        "Öppna dokumentet på nytt för att se den senaste versionen.";

    public async Task<Document> CreateAsync(DocumentDraft draft, StoredPdf file, string editorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(file);
        var now = time.GetUtcNow();
        var document = new Document { CreatedAt = now, Version = 1 };
        Apply(document, draft, editorName, now);
        SetFile(document, file, now);
        db.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(file.Id);
            throw;
        }
        await audit.WriteAsync(DocumentAuditActions.Created, nameof(Document), Id(document), Details(document), cancellationToken: cancellationToken);
        await search.SetAsync(DocumentSearchSource.ItemFor(document), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return document;
    }

    /// <summary>
    /// Saves the fields and, when <paramref name="newFile"/> is given, puts it in place of the old file. Refused when
    /// someone else has saved since <paramref name="version"/>; then the new file is removed again.
    /// </summary>
    public async Task<DocumentSaveResult> UpdateAsync(int id, int version, DocumentDraft draft, StoredPdf? newFile, string editorName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var document = await db.Set<Document>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || document.Version != version)
        {
            Discard(newFile);
            return new(null, document is null ? "Dokumentet finns inte längre. Det kan ha tagits bort av någon annan." : ConflictMessage);
        }
        db.Entry(document).Property(d => d.Version).OriginalValue = version;
        var now = time.GetUtcNow();
        var oldFileId = document.FileId;
        Apply(document, draft, editorName, now);
        if (newFile is not null)
        {
            SetFile(document, newFile, now);
        }
        document.Version = version + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Discard(newFile);
            return new(null, ConflictMessage);
        }
        await audit.WriteAsync(newFile is null ? DocumentAuditActions.Updated : DocumentAuditActions.FileReplaced,
            nameof(Document), Id(document), Details(document), cancellationToken: cancellationToken);
        if (newFile is not null)
        {
            store.Delete(oldFileId);
        }
        await search.SetAsync(DocumentSearchSource.ItemFor(document), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return new(document, null);
    }

    /// <summary>Deletes the document and its file; false when it is gone or someone has changed it since <paramref name="version"/>.</summary>
    public async Task<bool> DeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || document.Version != version)
        {
            return false;
        }
        db.Remove(document);
        audit.Add(DocumentAuditActions.Deleted, nameof(Document), Id(document), Details(document));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        store.Delete(document.FileId);
        await search.RemoveAsync(DocumentSearchSource.AreaKey, DocumentSearchSource.Key(id), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return true;
    }

    private void Discard(StoredPdf? file)
    {
        if (file is not null)
        {
            store.Delete(file.Id);
        }
    }

    private static void Apply(Document document, DocumentDraft draft, string editorName, DateTimeOffset now)
    {
        document.Title = draft.Title;
        document.Year = draft.Year;
        document.Category = draft.Category;
        document.UpdatedAt = now;
        document.UpdatedBy = editorName.Length <= Document.EditorNameMaxLength ? editorName : editorName[..Document.EditorNameMaxLength];
    }

    private static void SetFile(Document document, StoredPdf file, DateTimeOffset now)
    {
        document.FileId = file.Id;
        document.Length = file.Length;
        document.OriginalFileName = file.OriginalFileName;
        document.FileUploadedAt = now;
    }

    private static string Id(Document document) => document.Id.ToString(CultureInfo.InvariantCulture);

    private static string Details(Document document) =>
        string.Create(CultureInfo.InvariantCulture, $"{document.Title} ({document.Category.Label()} {document.Year}, {document.OriginalFileName}, {document.Length} byte)");
}

public static class DocumentAuditActions
{
    public const string Created = "document.created";
    public const string Updated = "document.updated";
    public const string FileReplaced = "document.file-replaced";
    public const string Deleted = "document.deleted";
}
