using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// A space's opening hours, special days and override, kept in memory for a few seconds: every chat message asks
/// whether the space is open, and loading the schedule for each one was a large share of the send path under load.
/// Staff opening or closing by hand clears the entry at once; other edits of the hours take effect within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class SpaceScheduleCache(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, (Space Space, DateTimeOffset LoadedAt)> entries = new();

    /// <summary>The space (not tracked, not to be changed) with its hours and special days, or null.</summary>
    public async Task<Space?> GetAsync(int spaceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(spaceId, out var entry) && now - entry.LoadedAt < Lifetime && now >= entry.LoadedAt)
        {
            return entry.Space;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var space = await db.Set<Space>().AsNoTracking().AsSplitQuery()
            .Include(s => s.OpeningHours).Include(s => s.SpecialDays)
            .SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is not null)
        {
            entries[spaceId] = (space, now);
        }
        return space;
    }

    public void Invalidate(int spaceId) => entries.TryRemove(spaceId, out _);
}
