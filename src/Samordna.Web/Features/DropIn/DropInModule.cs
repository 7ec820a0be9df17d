using Microsoft.Extensions.Options;
using Samordna.Web.Features.DropIn.Chat;
using Samordna.Web.Features.DropIn.Guidance;
using Samordna.Web.Features.DropIn.Invites;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Demo;

namespace Samordna.Web.Features.DropIn;

/// <summary>
/// The digital drop-in (/motesplats): invite-only spaces where young people and staff meet in real time during
/// opening hours. Three parts, each registering its own services and routes: spaces (settings, opening hours,
/// channels, members), invites and joining, and the real-time chat.
/// </summary>
public static class DropInModule
{
    public const string BasePath = "/motesplats";

    public static WebApplicationBuilder AddDropIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DropInAccess>();
        builder.Services.AddSingleton<SpaceScheduleCache>();
        builder.Services.AddDemoSeeder<DropInDemoSeeder>();
        builder.Services.AddOptions<DropInRetentionOptions>().Bind(builder.Configuration.GetSection(DropInRetentionOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DropInRetentionOptions>, DropInRetentionOptionsValidator>();
        builder.Services.AddSingleton<DropInRetention>();
        builder.Services.AddHostedService<DropInRetentionService>();
        builder.AddDropInSpaces();
        builder.AddDropInInvites();
        builder.AddDropInChat();
        builder.AddDropInGuidance();
        return builder;
    }

    public static WebApplication MapDropIn(this WebApplication app)
    {
        app.MapDropInSpaces();
        app.MapDropInInvites();
        app.MapDropInChat();
        return app;
    }
}
