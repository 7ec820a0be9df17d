using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Admin;

/// <summary>Administration: users and roles, invitations, the audit log (and the mail viewer, from the e-mail platform).</summary>
public static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator));
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app) => app;
}
