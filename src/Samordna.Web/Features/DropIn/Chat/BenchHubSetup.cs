namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// Registers <see cref="BareBroadcastHub"/>, the chat benchmark's baseline, when configuration <c>Bench:BareHub</c>
/// is true (bench/chat/run.sh sets <c>Bench__BareHub=true</c>); otherwise nothing is registered or mapped.
/// </summary>
public static class BenchHubSetup
{
    public const string EnabledKey = "Bench:BareHub";

    public static WebApplicationBuilder AddBareBroadcastHub(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(EnabledKey))
        {
            builder.Services.AddSignalR();
        }
        return builder;
    }

    public static WebApplication MapBareBroadcastHub(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(EnabledKey))
        {
            app.MapHub<BareBroadcastHub>(BareBroadcastHub.Path);
        }
        return app;
    }
}
