using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// Ends chat connections when what they were authorised for changes. A removed member or an ended session is cut off
/// at once; a muted member, or members whose channels changed, are disconnected too: the page reconnects by itself
/// and its new snapshot carries the mute and the channel list as they are now (nothing is lost, see the room script).
/// </summary>
internal sealed class ChatConnectionEvents(PresenceTracker presence) : IDropInMemberEvents, ISessionEndListener
{
    public Task MemberRemovedAsync(int spaceId, int memberId, Guid userId, CancellationToken cancellationToken)
    {
        presence.DisconnectMember(memberId);
        return Task.CompletedTask;
    }

    public Task MemberMutedAsync(int spaceId, int memberId, Guid userId, DateTimeOffset? mutedUntil, CancellationToken cancellationToken)
    {
        presence.DisconnectMember(memberId);
        return Task.CompletedTask;
    }

    public Task AccessChangedAsync(int spaceId, int? memberId, CancellationToken cancellationToken)
    {
        if (memberId is { } member)
        {
            presence.DisconnectMember(member);
        }
        else
        {
            presence.DisconnectSpace(spaceId);
        }
        return Task.CompletedTask;
    }

    public void SessionsEnded(Guid userId, Guid? sessionId)
    {
        if (sessionId is { } session)
        {
            presence.DisconnectSession(userId, session);
        }
        else
        {
            presence.DisconnectUser(userId);
        }
    }
}
