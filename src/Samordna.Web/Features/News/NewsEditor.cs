using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

public enum NewsEditAction
{
    /// <summary>Save the fields; the publication state stays as it is.</summary>
    Save,
    Publish,
    Schedule,
    Unpublish,
}

/// <summary>What an editor typed, already validated by the page.</summary>
public sealed record NewsDraft(string Title, string Ingress, string Body, IReadOnlyList<string> Tags, string? Slug,
    Guid? ImageId, string? ImageAlt);

public sealed record NewsSaveResult(NewsArticle? Article, string? Field, string? Error, bool Conflict = false)
{
    public bool Succeeded => Article is not null;
}

/// <summary>The editors' writes: saving, publishing, scheduling, unpublishing and deleting articles.</summary>
public sealed class NewsEditor(AppDbContext db, TimeProvider time, AuditLog audit, PublicPageCache cache, NewsImageStore images,
    ISearchIndex search, MarkdownRenderer markdown)
{
    public const string ConflictMessage =
        "Nyheten har ändrats av någon annan sedan du öppnade den. Dina ändringar är inte sparade men finns kvar i formuläret. " +
        "Öppna nyheten på nytt i en annan flik för att se den senaste versionen, och för sedan över dina ändringar.";

    public async Task<NewsSaveResult> SaveAsync(int? id, int version, NewsDraft draft, NewsEditAction action,
        DateTimeOffset? scheduleAt, string editorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        NewsArticle article;
        if (id is { } existingId)
        {
            var found = await db.Set<NewsArticle>().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == existingId, cancellationToken);
            if (found is null)
            {
                return new(null, null, "Nyheten finns inte längre. Den kan ha tagits bort av någon annan.", Conflict: true);
            }
            if (found.Version != version)
            {
                return new(null, null, ConflictMessage, Conflict: true);
            }
            article = found;
            // Compared again by the database at SaveChanges, in case someone saves in between.
            db.Entry(article).Property(a => a.Version).OriginalValue = version;
        }
        else
        {
            article = new NewsArticle { CreatedAt = now };
            db.Add(article);
        }

        var (slug, slugError) = await ChooseSlugAsync(article.Id, draft.Slug, draft.Title, cancellationToken);
        if (slugError is not null)
        {
            return new(null, "Slug", slugError);
        }

        var wasPublic = article.HasBeenPublicAt(now);
        var oldSlug = article.Slug;
        var oldImageId = article.ImageId;

        article.Title = draft.Title;
        article.Ingress = draft.Ingress;
        article.Body = draft.Body;
        article.Slug = slug;
        article.ImageId = draft.ImageId;
        article.ImageAlt = draft.ImageId is null ? null : draft.ImageAlt;
        SetTags(article, draft.Tags);

        switch (action)
        {
            case NewsEditAction.Publish when !article.IsPublicAt(now):
                article.SetPublishedAt(now, now);
                break;
            case NewsEditAction.Schedule:
                article.SetPublishedAt(scheduleAt ?? throw new ArgumentNullException(nameof(scheduleAt)), now);
                break;
            case NewsEditAction.Unpublish:
                article.SetPublishedAt(null, now);
                break;
        }

        if (oldSlug.Length > 0 && oldSlug != slug && wasPublic)
        {
            db.Add(new NewsSlugRedirect { Slug = oldSlug, Article = article, CreatedAt = now });
        }
        // Taking back an earlier slug: the article's own redirect from it would otherwise shadow nothing but clutter.
        var ownRedirect = await db.Set<NewsSlugRedirect>().FirstOrDefaultAsync(r => r.Slug == slug && r.ArticleId == article.Id, cancellationToken);
        if (ownRedirect is not null)
        {
            db.Remove(ownRedirect);
        }

        article.UpdatedAt = now;
        article.UpdatedBy = editorName.Length <= NewsArticle.EditorNameMaxLength ? editorName : editorName[..NewsArticle.EditorNameMaxLength];
        article.Version = version + 1;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(null, null, ConflictMessage, Conflict: true);
        }
        catch (DbUpdateException)
        {
            // The only constraint an editor can break is a slug taken at the same moment by someone else.
            db.ChangeTracker.Clear();
            return new(null, "Slug", "Adressen hann tas av en annan nyhet just nu. Välj en annan adress.");
        }

        var auditAction = action switch
        {
            NewsEditAction.Publish => NewsAuditActions.Published,
            NewsEditAction.Schedule => NewsAuditActions.Scheduled,
            NewsEditAction.Unpublish => NewsAuditActions.Unpublished,
            _ => id is null ? NewsAuditActions.Created : NewsAuditActions.Updated,
        };
        var details = action == NewsEditAction.Schedule
            ? $"{article.Title} (publiceras {article.PublishedAt!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)"
            : article.Title;
        await audit.WriteAsync(auditAction, nameof(NewsArticle), article.Id.ToString(CultureInfo.InvariantCulture), details, cancellationToken: cancellationToken);
        if (oldImageId is { } replaced && replaced != article.ImageId)
        {
            await images.DeleteIfUnusedAsync(replaced, cancellationToken);
        }
        await NewsSearchSource.IndexAsync(search, markdown, article, cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return new(article, null, null);
    }

    public async Task<bool> DeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        var article = await db.Set<NewsArticle>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || article.Version != version)
        {
            return false;
        }
        db.Remove(article);
        audit.Add(NewsAuditActions.Deleted, nameof(NewsArticle), id.ToString(CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(cancellationToken);
        if (article.ImageId is { } imageId)
        {
            await images.DeleteIfUnusedAsync(imageId, cancellationToken);
        }
        await search.RemoveAsync(NewsSearchSource.AreaKey, NewsSearchSource.Key(id), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The editor's slug (folded) or, when left empty, one made from the title. A slug the editor typed must be free;
    /// one made from the title gets a number added until it is.
    /// </summary>
    private async Task<(string Slug, string? Error)> ChooseSlugAsync(int articleId, string? requested, string title, CancellationToken cancellationToken)
    {
        var explicitSlug = Slugs.From(requested, NewsArticle.SlugMaxLength);
        if (!string.IsNullOrWhiteSpace(requested) && explicitSlug.Length == 0)
        {
            return ("", "Adressen måste innehålla minst en bokstav eller siffra.");
        }
        if (explicitSlug.Length > 0)
        {
            return await IsTakenAsync(explicitSlug, articleId, cancellationToken)
                ? ("", $"Adressen ”{explicitSlug}” används redan av en annan nyhet. Välj en annan adress.")
                : (explicitSlug, null);
        }
        var baseSlug = Slugs.From(title, NewsArticle.SlugMaxLength - 4);
        if (baseSlug.Length == 0)
        {
            baseSlug = "nyhet";
        }
        var candidate = baseSlug;
        for (var n = 2; await IsTakenAsync(candidate, articleId, cancellationToken); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }
        return (candidate, null);
    }

    private async Task<bool> IsTakenAsync(string slug, int articleId, CancellationToken cancellationToken) =>
        await db.Set<NewsArticle>().AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken)
        || await db.Set<NewsSlugRedirect>().AnyAsync(r => r.Slug == slug && r.ArticleId != articleId, cancellationToken);

    private void SetTags(NewsArticle article, IReadOnlyList<string> tags)
    {
        var wanted = tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var tag in article.Tags.Where(t => !wanted.Contains(t.Name, StringComparer.Ordinal)).ToList())
        {
            article.Tags.Remove(tag);
            db.Remove(tag);
        }
        foreach (var name in wanted.Where(n => !article.Tags.Any(t => t.Name == n)))
        {
            article.Tags.Add(new NewsArticleTag { Name = name, Slug = Slugs.From(name, NewsArticleTag.NameMaxLength) });
        }
    }

    /// <summary>Splits "HOPPET, drop-in; Discord" into trimmed, distinct tags.</summary>
    public static List<string> ParseTags(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

public static class NewsAuditActions
{
    public const string Created = "news.created";
    public const string Updated = "news.updated";
    public const string Published = "news.published";
    public const string Scheduled = "news.scheduled";
    public const string Unpublished = "news.unpublished";
    public const string Deleted = "news.deleted";
}
