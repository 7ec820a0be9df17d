using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Samordna.Web.Platform.Identity;

/// <summary>Named policies, applied per folder in each area's module. All privileged policies demand enrolled two-factor.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Staff = "Staff";
    public const string Participant = "Participant";
    public const string SignedIn = "SignedIn";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator).AddRequirements(new TwoFactorEnrolledRequirement()));
        options.AddPolicy(Editor, p => p.RequireRole(Roles.Editor, Roles.Administrator).AddRequirements(new TwoFactorEnrolledRequirement()));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff, Roles.Administrator).AddRequirements(new TwoFactorEnrolledRequirement()));
        options.AddPolicy(Participant, p => p.RequireRole(Roles.Participant, Roles.Staff, Roles.Administrator));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
    }
}

/// <summary>Met only when the signed-in user has enrolled an authenticator.</summary>
public sealed class TwoFactorEnrolledRequirement : AuthorizationHandler<TwoFactorEnrolledRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnrolledRequirement requirement)
    {
        if (context.User.HasTwoFactor())
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Sends a privileged user who has not enrolled two-factor to the enrolment page instead of "access denied",
/// so the first sign-in of new staff leads straight to setting it up.
/// </summary>
public sealed class TwoFactorEnrolmentRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string EnrolPath = "/konto/tvastegsverifiering";
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<TwoFactorEnrolledRequirement>().Any() == true
            && context.User.IsPrivileged()
            && HttpMethods.IsGet(context.Request.Method))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{EnrolPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }
        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
