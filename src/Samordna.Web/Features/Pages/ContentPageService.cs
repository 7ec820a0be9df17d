using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Pages;

/// <summary>
/// Reading and changing content pages. Every change writes a revision in the same SaveChanges; saves carry the
/// version the editor started from and are refused when someone else has saved since (optimistic concurrency).
/// </summary>
public sealed class ContentPageService(AppDbContext db, TimeProvider time, AuditLog audit, PublicPageCache cache,
    ISearchIndex search, MarkdownRenderer markdown)
{
    public const string PageDeletedAction = "page.deleted";

    public Task<ContentPage?> FindPublishedAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    public Task<ContentPage?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>All pages, the required ones first in their fixed order, then the others by title.</summary>
    public async Task<IReadOnlyList<ContentPage>> ListAsync(CancellationToken cancellationToken)
    {
        var pages = await db.Set<ContentPage>().AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. pages.Where(p => p.IsRequired).OrderBy(p => RequiredPages.Slugs.ToList().IndexOf(p.Slug)),
            .. pages.Where(p => !p.IsRequired).OrderBy(p => p.Title, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true)),
        ];
    }

    /// <summary>Newest first, without the bodies.</summary>
    public async Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(int pageId, CancellationToken cancellationToken) =>
        await db.Set<ContentPageRevision>().AsNoTracking()
            .Where(r => r.PageId == pageId)
            .OrderByDescending(r => r.Version)
            .Select(r => new RevisionSummary(r.Version, r.Title, r.SavedAt, r.SavedByName, r.Note))
            .ToListAsync(cancellationToken);

    public Task<ContentPageRevision?> FindRevisionAsync(int pageId, int version, CancellationToken cancellationToken) =>
        db.Set<ContentPageRevision>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.PageId == pageId && r.Version == version, cancellationToken);

    /// <summary>A new page at /sida/{slug}, its slug folded from the title and made unique.</summary>
    public async Task<ContentPage> CreateAsync(PageInput input, ClaimsPrincipal editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(editor);
        var taken = (await db.Set<ContentPage>().Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var slug = PageSlugs.Unique(PageSlugs.Fold(input.Title), s => taken.Contains(s) || RequiredPages.IsRequired(s));
        var now = time.GetUtcNow();
        var page = new ContentPage
        {
            Slug = slug,
            CreatedAt = now,
            Version = 0,
        };
        Apply(page, input.Title!, input.Description!, input.Body!, editor.UserId(), Name(editor), now, note: null);
        db.Add(page);
        await db.SaveChangesAsync(cancellationToken);
        await search.SetAsync(PagesSearchSource.ItemFor(page, markdown), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return page;
    }

    /// <summary>Saves the editor's text as the next version, unless the page has moved on from <paramref name="expectedVersion"/>.</summary>
    public async Task<SaveOutcome> SaveAsync(int id, int expectedVersion, PageInput input, ClaimsPrincipal editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(editor);
        var page = await db.Set<ContentPage>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return SaveOutcome.NotFound();
        }
        if (page.Version != expectedVersion)
        {
            return SaveOutcome.Conflict(page);
        }
        if (page.Title == input.Title && page.Description == input.Description && page.Body == input.Body)
        {
            return SaveOutcome.Unchanged(page);
        }
        Apply(page, input.Title!, input.Description!, input.Body!, editor.UserId(), Name(editor), time.GetUtcNow(), note: null);
        return await CommitAsync(page, expectedVersion, cancellationToken);
    }

    /// <summary>Makes an earlier revision the current text, as a new version; nothing in the history is lost.</summary>
    public async Task<SaveOutcome> RestoreAsync(int id, int revisionVersion, int expectedVersion, ClaimsPrincipal editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var page = await db.Set<ContentPage>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var revision = page is null ? null : await FindRevisionAsync(id, revisionVersion, cancellationToken);
        if (page is null || revision is null)
        {
            return SaveOutcome.NotFound();
        }
        if (page.Version != expectedVersion)
        {
            return SaveOutcome.Conflict(page);
        }
        var note = string.Create(CultureInfo.InvariantCulture, $"Återställd från version {revision.Version}");
        Apply(page, revision.Title, revision.Description, revision.Body, editor.UserId(), Name(editor), time.GetUtcNow(), note);
        return await CommitAsync(page, expectedVersion, cancellationToken);
    }

    /// <summary>Deletes a page the editors created, with its history. The required pages cannot be deleted.</summary>
    public async Task<DeleteOutcome> DeleteAsync(int id, ClaimsPrincipal editor, CancellationToken cancellationToken)
    {
        var page = await db.Set<ContentPage>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return DeleteOutcome.NotFound;
        }
        if (page.IsRequired)
        {
            return DeleteOutcome.Required;
        }
        db.Remove(page);
        // The revisions go with the page, so the audit log keeps the fact that it existed.
        audit.Add(PageDeletedAction, nameof(ContentPage), page.Id.ToString(CultureInfo.InvariantCulture),
            $"Sidan \"{page.Title}\" ({page.Path}) togs bort i version {page.Version.ToString(CultureInfo.InvariantCulture)}.",
            actorName: Name(editor));
        await db.SaveChangesAsync(cancellationToken);
        await search.RemoveAsync(PagesSearchSource.AreaKey, PagesSearchSource.Key(id), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return DeleteOutcome.Deleted;
    }

    private async Task<SaveOutcome> CommitAsync(ContentPage page, int startedFrom, CancellationToken cancellationToken)
    {
        var id = page.Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await search.SetAsync(PagesSearchSource.ItemFor(page, markdown), cancellationToken);
            await cache.ChangedAsync(cancellationToken);
            return SaveOutcome.Saved(page);
        }
        catch (DbUpdateException)
        {
            // Someone saved between our read and our write: the version check in the UPDATE (or the unique
            // revision number) caught it. Report the page as they left it; any other failure is not ours to hide.
            var (moved, current) = await MovedOnAsync(id, startedFrom, cancellationToken);
            if (!moved)
            {
                throw;
            }
            return current is null ? SaveOutcome.NotFound() : SaveOutcome.Conflict(current);
        }
    }

    /// <summary>After a failed save: has the page gone, or moved past the version the editor started from?</summary>
    private async Task<(bool Moved, ContentPage? Page)> MovedOnAsync(int id, int startedFrom, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Set<ContentPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return (current is null || current.Version != startedFrom, current);
    }

    private void Apply(ContentPage page, string title, string description, string body, Guid? editorId, string editorName, DateTimeOffset now, string? note)
    {
        page.Title = title;
        page.Description = description;
        page.Body = body;
        page.UpdatedAt = now;
        page.UpdatedById = editorId;
        page.UpdatedByName = editorName;
        page.Version++;
        var revision = new ContentPageRevision
        {
            Page = page,
            Version = page.Version,
            Title = title,
            Description = description,
            Body = body,
            SavedAt = now,
            SavedById = editorId,
            SavedByName = editorName,
            Note = note,
        };
        db.Add(revision);
    }

    private static string Name(ClaimsPrincipal editor)
    {
        var name = editor.DisplayName();
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "okänd redaktör";
        }
        return name.Length <= ContentPage.NameMaxLength ? name : name[..ContentPage.NameMaxLength];
    }
}

public sealed record RevisionSummary(int Version, string Title, DateTimeOffset SavedAt, string SavedByName, string? Note);

public enum SaveStatus
{
    Saved,
    Unchanged,
    Conflict,
    NotFound,
}

/// <summary>What became of a save: the page as saved, or (on a conflict) as someone else left it.</summary>
public sealed record SaveOutcome(SaveStatus Status, ContentPage? Page)
{
    public static SaveOutcome Saved(ContentPage page) => new(SaveStatus.Saved, page);

    public static SaveOutcome Unchanged(ContentPage page) => new(SaveStatus.Unchanged, page);

    public static SaveOutcome Conflict(ContentPage current) => new(SaveStatus.Conflict, current);

    public static SaveOutcome NotFound() => new(SaveStatus.NotFound, null);
}

public enum DeleteOutcome
{
    Deleted,
    Required,
    NotFound,
}
