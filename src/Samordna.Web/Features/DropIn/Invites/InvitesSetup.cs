using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>The drop-in's invites by SMS and e-mail and joining from an invite.</summary>
public static class DropInInvitesSetup
{
    public const string JoinedAction = "dropin.joined";

    public static WebApplicationBuilder AddDropInInvites(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<InviteService>();
        services.AddScoped<JoinService>();
        services.AddSingleton<InviteRecipientEraser>();
        services.AddHostedService<InviteRecipientEraserService>();
        // A participant's user name is their pseudonym (letters such as å, ä, ö, digits, space, - and _), checked by
        // the join form; staff user names are e-mail addresses. Identity's default ASCII-only list would refuse "Älva".
        services.Configure<IdentityOptions>(o => o.User.AllowedUserNameCharacters = "");
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/DropIn/Invites/Manage", Policies.Staff));
        services.AddSingleton(new EnglishTexts(InvitesEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [InviteService.SentAction] = "Inbjudan till mötesplats skickad",
            [InviteService.RevokedAction] = "Inbjudan till mötesplats återkallad",
            [JoinedAction] = "Gick med i mötesplats via inbjudan",
        }));
        return builder;
    }

    public static WebApplication MapDropInInvites(this WebApplication app) => app;
}
