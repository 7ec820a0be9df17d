using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// The drop-in's real-time chat: the hub at /hubs/motesplats (with an Origin check at the handshake), presence, the
/// per-member rate limit, and the room page /motesplats/{space}/{channel?}.
/// </summary>
public static class DropInChatSetup
{
    public static WebApplicationBuilder AddDropInChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>()
            .Bind(builder.Configuration.GetSection(ChatOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSignalR(options =>
        {
            // A message of 2,000 characters is at most about 8 kB of JSON; the default 32 kB leaves room and no more.
            options.MaximumReceiveMessageSize = 32 * 1024;
        });
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<ChatConnectionEvents>();
        services.Replace(ServiceDescriptor.Singleton<IDropInMemberEvents>(sp => sp.GetRequiredService<ChatConnectionEvents>()));
        services.AddSingleton<ISessionEndListener>(sp => sp.GetRequiredService<ChatConnectionEvents>());
        services.AddSingleton<ChatBroadcaster>();
        services.AddSingleton<ChatRateLimiter>();
        services.AddScoped<ChatService>();
        services.AddSingleton(new EnglishTexts(ChatEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [ChatService.MessageRemovedAction] = "Chattmeddelande borttaget av personal",
            [ChatService.OpenStateChangedAction] = "Mötesplatsen öppnad eller stängd av personal",
        }));
        builder.AddBareBroadcastHub();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/DropIn/Chat", Policies.SignedIn));
        return builder;
    }

    public static WebApplication MapDropInChat(this WebApplication app)
    {
        app.UseHubOriginCheck("/hubs");
        // Sign-outs, removals, mutes and disabled accounts end connections through ChatConnectionEvents.
        app.MapHub<ChatHub>(ChatHub.Path);
        app.MapBareBroadcastHub();
        return app;
    }
}
