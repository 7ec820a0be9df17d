using Microsoft.EntityFrameworkCore;
using Samordna.Web.Features.DropIn.Chat;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.DropIn.Guidance;

/// <summary>
/// Civic guidance (samhällsvägledning): a young person's private thread with the staff of a space, for questions about
/// CSN, Försäkringskassan, housing or a letter from an authority that they would not ask in front of others. It is a
/// channel with <see cref="ChannelAccess.Private"/> access, so the chat's storage, catch-up and moderation apply.
/// </summary>
public sealed class GuidanceService(AppDbContext db, TimeProvider time, ChatBroadcaster broadcaster)
{
    public const string SlugPrefix = "vagledning";

    /// <summary>Private threads come after the space's own channels.</summary>
    private const int SortOrder = 10_000;

    public static string SlugFor(int memberId) => $"{SlugPrefix}-{memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A new private thread for the member (not yet saved).</summary>
    public static Channel NewThread(SpaceMember member, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new Channel
        {
            SpaceId = member.SpaceId,
            Slug = SlugFor(member.Id),
            Name = $"vägledning · {member.DisplayName}",
            Topic = "Privat: bara du och personalen ser det du skriver här.",
            Access = ChannelAccess.Private,
            OwnerMemberId = member.Id,
            SortOrder = SortOrder,
            CreatedAt = now,
        };
    }

    public Task<Channel?> ThreadOfAsync(SpaceMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return db.Set<Channel>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.SpaceId == member.SpaceId && c.Access == ChannelAccess.Private && c.OwnerMemberId == member.Id, cancellationToken);
    }

    /// <summary>The member's thread, opened now if they have none. Starting twice (a double submit) finds the first.</summary>
    public async Task<Channel> StartAsync(SpaceMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (await ThreadOfAsync(member, cancellationToken) is { } existing)
        {
            return existing;
        }
        var channel = NewThread(member, time.GetUtcNow());
        db.Add(channel);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Started at the same moment from another tab: the unique slug let one through.
            db.ChangeTracker.Clear();
            return await ThreadOfAsync(member, cancellationToken) ?? throw new InvalidOperationException("The guidance thread was neither created nor found.");
        }
        await broadcaster.LetStaffInAsync(member.SpaceId, new ChannelAddedDto(channel.Id, channel.Slug, channel.Name, channel.Access.ToString()));
        return channel;
    }
}
