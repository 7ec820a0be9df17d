using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Identity;

public static class IdentityModule
{
    public const string SignInRateLimit = "signin";
    public const string FormRateLimit = "forms";

    public static WebApplicationBuilder AddSamordnaIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                // Participants may have no e-mail (a pseudonym is enough); staff e-mail uniqueness is checked when inviting.
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<SamordnaSignInManager>()
            .AddClaimsPrincipalFactory<SamordnaClaimsFactory>()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // Our own session rows do what the security-stamp check would, on every request; keep the stamp check too,
        // so a password change ends other sessions within minutes even if a session row is missed.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // The refreshed principal is rebuilt from the database; carry the device session over.
            o.OnRefreshingPrincipal = context =>
            {
                var sid = context.CurrentPrincipal?.FindFirst(SamordnaSignInManager.SessionClaim);
                if (sid is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SamordnaSignInManager.SessionClaim, sid.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "samordna.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/konto/logga-in";
            options.LogoutPath = "/konto/logga-ut";
            options.AccessDeniedPath = "/konto/nekad";
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "samordna.2fa");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "samordna.2fa-remember");

        services.AddScoped<Audit.AuditLog>();
        services.AddSingleton<Audit.AuditVocabulary>();
        services.AddSingleton<SessionEnds>();
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, TwoFactorEnrolledRequirement>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentRedirect>();

        var signInPerMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var formsPerMinute = builder.Configuration.GetValue("RateLimits:FormsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => PerIp(context, signInPerMinute));
            options.AddPolicy(FormRateLimit, context => PerIp(context, formsPerMinute));
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("För många försök på kort tid. Vänta en minut och försök igen.", token);
            };
        });
        return builder;
    }

    /// <summary>Only POSTs count: looking at the form is free, submitting it is limited per IP address.</summary>
    private static RateLimitPartition<string> PerIp(HttpContext context, int permitsPerMinute)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>Rejects a cookie whose device session was signed out or whose account was disabled, at once.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(SamordnaSignInManager.SessionClaim), out var sid))
        {
            context.RejectPrincipal();
            return;
        }
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var session = await db.Set<UserSession>()
            .Where(s => s.Id == sid)
            .Select(s => new { s.RevokedAt, s.LastSeenAt, s.User!.IsDisabled })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (session is null || session.RevokedAt is not null || session.IsDisabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(5))
        {
            await db.Set<UserSession>().Where(s => s.Id == sid)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), context.HttpContext.RequestAborted);
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
