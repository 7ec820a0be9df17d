using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// Who may do what in a space, in one place: membership, channel access (all members, staff, a named group) and
/// writing (members only while the drop-in is open and they are not muted; staff always).
/// </summary>
public sealed class DropInAccess(AppDbContext db, TimeProvider time)
{
    public static Guid? UserIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The space with its opening hours and exceptions loaded, or null.</summary>
    public Task<Space?> SpaceAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Set<Space>().Include(s => s.OpeningHours).Include(s => s.SpecialDays)
            .SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public Task<Space?> SpaceAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<Space>().Include(s => s.OpeningHours).Include(s => s.SpecialDays)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The user's active membership in the space (not removed), or null.</summary>
    public Task<SpaceMember?> MemberAsync(int spaceId, Guid userId, CancellationToken cancellationToken = default) =>
        db.Set<SpaceMember>().SingleOrDefaultAsync(m => m.SpaceId == spaceId && m.UserId == userId && m.RemovedAt == null, cancellationToken);

    public Task<SpaceMember?> MemberAsync(int spaceId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        UserIdOf(user) is { } id ? MemberAsync(spaceId, id, cancellationToken) : Task.FromResult<SpaceMember?>(null);

    /// <summary>The ids of the groups the member belongs to.</summary>
    public async Task<IReadOnlySet<int>> GroupIdsAsync(int memberId, CancellationToken cancellationToken = default) =>
        (await db.Set<MemberGroupMembership>().Where(g => g.MemberId == memberId).Select(g => g.GroupId).ToListAsync(cancellationToken))
            .ToHashSet();

    public static bool CanRead(SpaceMember member, Channel channel, IReadOnlySet<int> groupIds) =>
        member.RemovedAt is null && channel.SpaceId == member.SpaceId && channel.ArchivedAt is null && channel.Access switch
        {
            ChannelAccess.AllMembers => true,
            ChannelAccess.Staff => member.IsStaff,
            ChannelAccess.Group => member.IsStaff || (channel.GroupId is { } g && groupIds.Contains(g)),
            ChannelAccess.Private => member.IsStaff || channel.OwnerMemberId == member.Id,
            _ => false,
        };

    /// <summary>Whether the member may write in a channel they can read, given the space's open state.</summary>
    public bool CanWrite(SpaceMember member, OpenState state) =>
        member.IsStaff || (state.IsOpen && (member.MutedUntil is null || member.MutedUntil <= time.GetUtcNow()));

    /// <summary>The channels the member can read, in order.</summary>
    public async Task<IReadOnlyList<Channel>> ReadableChannelsAsync(SpaceMember member, CancellationToken cancellationToken = default)
    {
        var groups = await GroupIdsAsync(member.Id, cancellationToken);
        var channels = await db.Set<Channel>().AsNoTracking()
            .Where(c => c.SpaceId == member.SpaceId && c.ArchivedAt == null)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
        return channels.Where(c => CanRead(member, c, groups)).ToList();
    }
}
