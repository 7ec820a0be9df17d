namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>The drop-in's spaces: the member's and staff's pages for a space, settings, opening hours, channels, groups and members.</summary>
public static class DropInSpacesSetup
{
    public static WebApplicationBuilder AddDropInSpaces(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDropInSpaces(this WebApplication app) => app;
}
