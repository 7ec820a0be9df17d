using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Samordna.Web.Platform.Web;

public static class WebModule
{
    public static readonly CultureInfo[] SupportedCultures = [CultureInfo.GetCultureInfo("sv-SE"), CultureInfo.GetCultureInfo("en")];

    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        // Å, ä and ö as themselves in the HTML, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(TimeProvider.System);
        services.Configure<SiteInfo>(builder.Configuration.GetSection(SiteInfo.Section));
        services.AddSingleton<Tr>();
        services.AddSingleton(new EnglishTexts(SharedEnglish.Texts));

        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options => SwedishModelBinding.Configure(options.ModelBindingMessageProvider))
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "samordna.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<RouteOptions>(options => { options.LowercaseUrls = true; options.AppendTrailingSlash = false; });

        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("sv-SE");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // The visitor's explicit choice (cookie) wins; the browser's Accept-Language does not, since the
            // Swedish site is the default for everyone until they switch.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie }];
        });

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(options => { options.MaxAge = TimeSpan.FromDays(365); options.IncludeSubDomains = false; });
        services.AddSingleton<StartPageBlocks>();
        services.AddSingleton<PublicPageCache>();
        services.AddOutputCache(PublicPageCache.AddPolicy);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<Demo.DemoNotes>();
        return builder;
    }

    public const string LanguageCookie = "samordna.lang";

    /// <summary>The request pipeline's order, in one place.</summary>
    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseExceptionHandler("/fel");
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the output cache serves and stores only anonymous requests.
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebPlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health");
        // No antiforgery token: switching language only sets a preference cookie, and a token in every page's header
        // would make public pages uncacheable (each rendering would set the antiforgery cookie).
        app.MapPost("/sprak", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context) =>
        {
            var chosen = SupportedCultures.FirstOrDefault(c => c.Name == culture) ?? SupportedCultures[0];
            context.Response.Cookies.Append(LanguageCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).DisableAntiforgery();
        return app;
    }
}
