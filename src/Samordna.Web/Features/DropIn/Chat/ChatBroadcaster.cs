using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// Sends the hub's events (<c>message</c>, <c>presence</c>, <c>openState</c>) to a channel's or space's group, from the
/// hub and from the room page's form handlers alike. Presence changes are gathered for a short while per space and
/// sent as one list, so a crowd connecting at once does not send a list per arrival to everyone.
/// </summary>
public sealed class ChatBroadcaster(IHubContext<ChatHub> hub, PresenceTracker presence, IOptionsMonitor<ChatOptions> options, ILogger<ChatBroadcaster> logger)
{
    public const string MessageEvent = "message";
    public const string PresenceEvent = "presence";
    public const string OpenStateEvent = "openState";
    public const string ChannelAddedEvent = "channelAdded";

    private readonly ConcurrentDictionary<int, byte> pendingPresence = new();

    public static string SpaceGroup(int spaceId) => "space:" + spaceId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ChannelGroup(int channelId) => "channel:" + channelId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task MessageAsync(MessageDto message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return hub.Clients.Group(ChannelGroup(message.ChannelId)).SendAsync(MessageEvent, message);
    }

    public Task OpenStateAsync(int spaceId, OpenStateDto state) =>
        hub.Clients.Group(SpaceGroup(spaceId)).SendAsync(OpenStateEvent, state);

    /// <summary>
    /// A private channel was opened: the staff already here join its group, so they hear it without reconnecting, and
    /// their pages are told (<c>channelAdded</c>) so the new thread appears in their list with its unread count.
    /// </summary>
    public async Task LetStaffInAsync(int spaceId, ChannelAddedDto channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var staff = presence.StaffConnectionsIn(spaceId);
        foreach (var connectionId in staff)
        {
            await hub.Groups.AddToGroupAsync(connectionId, ChannelGroup(channel.Id));
        }
        if (staff.Count > 0)
        {
            await hub.Clients.Clients(staff).SendAsync(ChannelAddedEvent, channel);
        }
    }

    /// <summary>Someone arrived or left: the space's list goes out after the gathering interval.</summary>
    public void PresenceChanged(int spaceId)
    {
        if (!pendingPresence.TryAdd(spaceId, 0))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(options.CurrentValue.PresenceIntervalMilliseconds);
                pendingPresence.TryRemove(spaceId, out _);
                await hub.Clients.Group(SpaceGroup(spaceId)).SendAsync(PresenceEvent, presence.In(spaceId));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                pendingPresence.TryRemove(spaceId, out _);
                logger.LogWarning(exception, "Could not send the presence list of space {SpaceId}.", spaceId);
            }
        });
    }
}
