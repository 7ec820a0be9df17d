using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// The drop-in's real-time hub at <c>/hubs/motesplats</c>. Its method names, arguments and results are a contract
/// that outside clients (bench/chat) rely on: see <see cref="MessageDto"/> and <see cref="SpaceSnapshot"/>.
/// Server-to-client events: <c>message</c> (MessageDto), <c>presence</c> (PresenceDto[]), <c>openState</c> (OpenStateDto).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChatHub(ChatService chat, PresenceTracker presence, ChatBroadcaster broadcaster) : Hub
{
    public const string Path = "/hubs/motesplats";

    public override Task OnConnectedAsync()
    {
        presence.Connected(Context, DropInAccess.UserIdOf(Context.User!) ?? Guid.Empty);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var spaceId in presence.Disconnected(Context.ConnectionId))
        {
            broadcaster.PresenceChanged(spaceId);
        }
        return Task.CompletedTask;
    }

    /// <summary>Joins the space's group and the groups of the channels the member can read; returns the snapshot.</summary>
    public async Task<SpaceSnapshot> JoinSpace(int spaceId) => await Refusing(async () =>
    {
        var (snapshot, member) = await chat.JoinAsync(Context.User!, spaceId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatBroadcaster.SpaceGroup(spaceId), Context.ConnectionAborted);
        foreach (var channel in snapshot.Channels)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ChatBroadcaster.ChannelGroup(channel.Id), Context.ConnectionAborted);
        }
        if (presence.Join(Context.ConnectionId, spaceId, new PresenceDto(member.Id, member.DisplayName, member.IsStaff)))
        {
            broadcaster.PresenceChanged(spaceId);
        }
        return snapshot with { Presence = presence.In(spaceId) };
    });

    /// <summary>Stores the message, then broadcasts it; a resend with the same client id returns the stored one.</summary>
    public async Task<MessageDto> Send(int channelId, Guid clientMessageId, string text) => await Refusing(async () =>
    {
        var (message, stored) = await chat.SendAsync(Context.User!, channelId, clientMessageId, text, Context.ConnectionAborted);
        if (stored)
        {
            await broadcaster.MessageAsync(message);
        }
        return message;
    });

    public async Task<MessageDto> Edit(long messageId, string text) => await Refusing(async () =>
    {
        var message = await chat.EditAsync(Context.User!, messageId, text, Context.ConnectionAborted);
        await broadcaster.MessageAsync(message);
        return message;
    });

    public async Task<MessageDto> Delete(long messageId) => await Refusing(async () =>
    {
        var message = await chat.DeleteAsync(Context.User!, messageId, Context.ConnectionAborted);
        await broadcaster.MessageAsync(message);
        return message;
    });

    public async Task<IReadOnlyList<MessageDto>> Since(int channelId, long afterSequence) =>
        await Refusing(() => chat.SinceAsync(Context.User!, channelId, afterSequence, Context.ConnectionAborted));

    public async Task<IReadOnlyList<MessageDto>> Before(int channelId, long beforeSequence, int count) =>
        await Refusing(() => chat.BeforeAsync(Context.User!, channelId, beforeSequence, count, Context.ConnectionAborted));

    public async Task MarkRead(int channelId, long sequence) =>
        await Refusing(async () =>
        {
            await chat.MarkReadAsync(Context.User!, channelId, sequence, Context.ConnectionAborted);
            return true;
        });

    /// <summary>Staff of the space only: mode "open", "closed" or "schedule", optionally until an instant.</summary>
    public async Task<OpenStateDto> SetOpen(int spaceId, string mode, DateTimeOffset? until) => await Refusing(async () =>
    {
        var state = await chat.SetOpenAsync(Context.User!, spaceId, mode, until, Context.ConnectionAborted);
        await broadcaster.OpenStateAsync(spaceId, state);
        return state;
    });

    /// <summary>The space's open state now: clients ask again when <c>until</c> or <c>nextOpening</c> arrives.</summary>
    public async Task<OpenStateDto> GetOpenState(int spaceId) =>
        await Refusing(() => chat.OpenStateAsync(Context.User!, spaceId, Context.ConnectionAborted));

    private static async Task<T> Refusing<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ChatRefusalException refusal)
        {
            // A HubException's message reaches the client as it is; any other exception reaches it only as a generic error.
            throw new HubException(refusal.Message);
        }
    }
}
