using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Pages;

/// <summary>
/// Makes sure the required pages exist, in every environment and at every start. It only inserts pages that are
/// missing: once a page exists it belongs to the editors, and their text is never overwritten.
/// </summary>
public sealed partial class DefaultPagesSeeder(AppDbContext db, TimeProvider time, IOptionsSnapshot<SiteInfo> site, ILogger<DefaultPagesSeeder> logger)
    : IDefaultContentSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var existing = await db.Set<ContentPage>().Select(p => p.Slug).ToListAsync(cancellationToken);
        foreach (var page in DefaultPages.For(site.Value).Where(d => !existing.Contains(d.Slug)))
        {
            var now = time.GetUtcNow();
            var entity = new ContentPage
            {
                Slug = page.Slug,
                Title = page.Title,
                Description = page.Description,
                Body = page.Body,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedByName = DefaultPages.SeederName,
                Version = 1,
            };
            entity.Revisions.Add(new ContentPageRevision
            {
                Version = 1,
                Title = page.Title,
                Description = page.Description,
                Body = page.Body,
                SavedAt = now,
                SavedByName = DefaultPages.SeederName,
                Note = "Standardtext",
            });
            db.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogCreated(logger, page.Slug);
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment may have inserted it first; then theirs stands.
                db.ChangeTracker.Clear();
                if (!await db.Set<ContentPage>().AnyAsync(p => p.Slug == page.Slug, cancellationToken))
                {
                    throw;
                }
            }
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the default page /{Slug}.")]
    private static partial void LogCreated(ILogger logger, string slug);
}
