using Microsoft.Extensions.Options;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// Refuses a hub request (negotiation or WebSocket handshake) that a browser sent from another site. CORS does not
/// cover WebSockets, and the sign-in cookie would ride along, so the Origin header is checked here: it must be the
/// request's own scheme and host, or one of <see cref="ChatOptions.AllowedOrigins"/>. A request without an Origin is
/// not from a browser page and is let through; the cookie is still required by the hub's policy.
/// </summary>
public static class OriginCheck
{
    public const string RefusedText = "Anslutningen nekades: den kom från en annan webbplats än Samordna.";

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, PathString hubsPath) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubsPath, StringComparison.OrdinalIgnoreCase) && !IsAllowed(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(RefusedText, context.RequestAborted);
                return;
            }
            await next(context);
        });

    public static bool IsAllowed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        var own = $"{context.Request.Scheme}://{context.Request.Host.Value}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var allowed = context.RequestServices.GetRequiredService<IOptionsMonitor<ChatOptions>>().CurrentValue.AllowedOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
