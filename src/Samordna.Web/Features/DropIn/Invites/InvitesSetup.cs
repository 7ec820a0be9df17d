namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>The drop-in's invites by SMS and e-mail and joining from an invite.</summary>
public static class DropInInvitesSetup
{
    public static WebApplicationBuilder AddDropInInvites(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDropInInvites(this WebApplication app) => app;
}
