namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>The drop-in's the real-time chat: the hub, the room page, presence.</summary>
public static class DropInChatSetup
{
    public static WebApplicationBuilder AddDropInChat(this WebApplicationBuilder builder) => builder.AddBareBroadcastHub();

    public static WebApplication MapDropInChat(this WebApplication app) => app.MapBareBroadcastHub();
}
