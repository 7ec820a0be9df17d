using System.ComponentModel.DataAnnotations;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>The chat's settings, section <c>DropIn:Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "DropIn:Chat";

    /// <summary>How many messages a member may send in a burst (the token bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int MessagesBurst { get; set; } = 10;

    /// <summary>How many messages per second a member may send over time (the bucket's refill rate).</summary>
    [Range(0.001, 1_000_000)]
    public double MessagesPerSecond { get; set; } = 1;

    /// <summary>
    /// Origins besides the site's own that may open the hub (e.g. "https://chatt.example.se"). A request with an Origin
    /// header that matches neither is refused at the handshake; a request without one (not a browser) is let through.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Presence changes in a space are gathered for this long and sent as one list, so a crowd joining does not flood.</summary>
    [Range(0, 60_000)]
    public int PresenceIntervalMilliseconds { get; set; } = 500;
}
