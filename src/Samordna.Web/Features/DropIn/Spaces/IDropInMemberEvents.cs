namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// What the live chat must hear when staff change a member: a removed member's connections end, a muted member's
/// composer closes, a member whose channels changed gets a fresh channel list. Called after the change is saved.
/// The default does nothing; the chat registers its own implementation (e.g. one that aborts the member's
/// connections through its presence tracker). Register it with <c>services.Replace(ServiceDescriptor.Scoped&lt;IDropInMemberEvents, …&gt;())</c>
/// or before AddDropInSpaces (which only adds the default when none is registered).
/// </summary>
public interface IDropInMemberEvents
{
    /// <summary>The member (participant or staff) was removed from the space: they may no longer read or write.</summary>
    Task MemberRemovedAsync(int spaceId, int memberId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The member was muted until <paramref name="mutedUntil"/>, or the mute was lifted (null).</summary>
    Task MemberMutedAsync(int spaceId, int memberId, Guid userId, DateTimeOffset? mutedUntil, CancellationToken cancellationToken);

    /// <summary>Which channels the member may read changed: a group membership, a staff role, or a channel's access or archiving (memberId null = every member of the space).</summary>
    Task AccessChangedAsync(int spaceId, int? memberId, CancellationToken cancellationToken);
}

/// <summary>The default: nobody is listening.</summary>
public sealed class NoDropInMemberEvents : IDropInMemberEvents
{
    public Task MemberRemovedAsync(int spaceId, int memberId, Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MemberMutedAsync(int spaceId, int memberId, Guid userId, DateTimeOffset? mutedUntil, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AccessChangedAsync(int spaceId, int? memberId, CancellationToken cancellationToken) => Task.CompletedTask;
}
