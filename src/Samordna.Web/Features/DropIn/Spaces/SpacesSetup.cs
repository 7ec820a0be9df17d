using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// The drop-in's spaces: the public index and about pages, and the staff's pages for a space (settings, opening
/// hours, channels, groups, members). Who may manage a space is decided in one place, <see cref="SpaceStaffHandler"/>,
/// which every staff page reaches through <see cref="SpaceStaffPage"/>; the folder also demands the Staff policy
/// (Staff role or Administrator, with two-factor).
/// </summary>
public static class DropInSpacesSetup
{
    public const string StaffFolder = "/DropIn/Spaces/Staff";

    public static WebApplicationBuilder AddDropInSpaces(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<SpaceAdmin>();
        services.AddScoped<IAuthorizationHandler, SpaceStaffHandler>();
        services.TryAddScoped<IDropInMemberEvents, NoDropInMemberEvents>();
        services.AddStartPageBlock<DropInStartBlock>(30);
        services.AddSingleton(new EnglishTexts(SpacesEnglish.Texts));
        services.AddSingleton(new AuditActionNames(SpaceAdmin.ActionNames));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(StaffFolder, Policies.Staff);
            options.Conventions.AuthorizePage("/DropIn/Spaces/Create", Policies.Staff);
        });
        return builder;
    }

    public static WebApplication MapDropInSpaces(this WebApplication app) => app;
}
