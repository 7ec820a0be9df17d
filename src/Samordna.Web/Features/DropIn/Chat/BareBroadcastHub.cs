using Microsoft.AspNetCore.SignalR;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// The chat benchmark's baseline (bench/chat): a hub with no authentication, no database and no groups that
/// broadcasts every text to every connection, with a payload shaped like the chat's so the two compare. Mapped at
/// <see cref="Path"/> only when configuration <c>Bench:BareHub</c> is true, which it never is by default.
/// </summary>
public sealed class BareBroadcastHub(TimeProvider time) : Hub
{
    public const string Path = "/hubs/bench-bare";

    public Task Send(string text) =>
        Clients.All.SendAsync("message", new BareBroadcastMessage(text, time.GetUtcNow()), Context.ConnectionAborted);
}

/// <summary>What <see cref="BareBroadcastHub"/> broadcasts: the text and when the server sent it.</summary>
public sealed record BareBroadcastMessage(string Text, DateTimeOffset SentAt);
