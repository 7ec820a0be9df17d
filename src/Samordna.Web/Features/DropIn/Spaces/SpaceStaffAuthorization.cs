using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// "May manage this space": staff of the space (an active <see cref="SpaceMember"/> with role Staff and the Staff
/// role on the account), or an administrator, who may manage every space. Always with enrolled two-factor.
/// Check it with <c>IAuthorizationService.AuthorizeAsync(User, space, SpaceStaffRequirement.Instance)</c>, or
/// derive a staff page from <see cref="SpaceStaffPage"/>, which does so before every handler.
/// </summary>
public sealed class SpaceStaffRequirement : IAuthorizationRequirement
{
    public static readonly SpaceStaffRequirement Instance = new();
}

public sealed class SpaceStaffHandler(AppDbContext db) : AuthorizationHandler<SpaceStaffRequirement, Space>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SpaceStaffRequirement requirement, Space resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        var user = context.User;
        if (!user.HasTwoFactor())
        {
            return;
        }
        if (user.IsInRole(Roles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }
        if (!user.IsInRole(Roles.Staff) || DropInAccess.UserIdOf(user) is not { } userId)
        {
            return;
        }
        if (await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == resource.Id && m.UserId == userId && m.RemovedAt == null && m.Role == SpaceRole.Staff))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// A staff page of one space (/motesplats/{space}/personal/…). Before any handler runs it loads the space from the
/// route value "space" (404 when there is none) and checks <see cref="SpaceStaffRequirement"/> (403 when the user is
/// not staff of this space). The folder's Staff policy has already demanded the Staff role and two-factor.
/// </summary>
public abstract class SpaceStaffPage : PageModel
{
    /// <summary>The space, tracked, with its opening hours and special days.</summary>
    public Space Space { get; private set; } = null!;

    /// <summary>The path of the space's staff pages: /motesplats/{slug}/personal.</summary>
    public string StaffRoot => $"{DropInModule.BasePath}/{Space.Slug}/personal";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var services = HttpContext.RequestServices;
        var space = RouteData.Values["space"] is string slug
            ? await services.GetRequiredService<DropInAccess>().SpaceAsync(slug, HttpContext.RequestAborted)
            : null;
        if (space is null)
        {
            context.Result = NotFound();
            return;
        }
        var authorization = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, space, SpaceStaffRequirement.Instance);
        if (!authorization.Succeeded)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        Space = space;
        await next();
    }

    /// <summary>PRG: the status message for the next page, and a redirect to <paramref name="path"/> under the staff pages.</summary>
    protected RedirectResult Done(string status, string path)
    {
        TempData["Status"] = status;
        return Redirect($"{StaffRoot}/{path}");
    }
}
