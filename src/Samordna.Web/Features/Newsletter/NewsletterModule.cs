using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// The newsletter: sign-up with double opt-in at /nyhetsbrev (and a start-page block), the subscriber's signed
/// preferences and one-click unsubscribe, the public archive at /nyhetsbrev/arkiv, and the editors' campaigns,
/// subscribers, import and export under /redaktion/nyhetsbrev. Campaigns are sent by <see cref="CampaignSender"/>.
/// </summary>
public static class NewsletterModule
{
    public const string OneClickPath = "/nyhetsbrev/avsluta/direkt";

    public static WebApplicationBuilder AddNewsletter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NewsletterOptions>().Bind(builder.Configuration.GetSection(NewsletterOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NewsletterOptions>, NewsletterOptionsValidator>();
        services.AddSingleton<NewsletterTokens>();
        services.AddSingleton<CampaignRenderer>();
        services.AddSingleton<CampaignSignal>();
        services.AddSingleton<CampaignSender>();
        services.AddHostedService<CampaignSendService>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<SubscriberImport>();
        services.AddSingleton<INewsletterBlockSource, NewsletterNewsBlock>();
        services.AddSingleton<INewsletterBlockSource, NewsletterEventsBlock>();
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [SubscriberImport.AuditAction] = "Prenumeranter importerade till nyhetsbrevet",
        }));
        services.AddDefaultContentSeeder<NewsletterListsSeeder>();
        services.AddDemoSeeder<NewsletterDemoSeeder>();
        services.AddStartPageBlock<NewsletterSignUpBlock>(40);
        services.AddSingleton(new EnglishTexts(NewsletterEnglish.Texts));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Newsletter/Admin", Policies.Editor));
        return builder;
    }

    public static WebApplication MapNewsletter(this WebApplication app)
    {
        // RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click" here without cookies, so
        // there is no antiforgery token and no session; the signed token in the address is the authority.
        app.MapPost(OneClickPath, async (HttpContext context, NewsletterTokens tokens, SubscriptionService subscriptions) =>
            {
                var id = tokens.ReadManagement(context.Request.Query["t"]);
                if (id is null)
                {
                    return Results.Text("Länken är ogiltig.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                }
                await subscriptions.UnsubscribeAsync(id.Value, context.RequestAborted);
                return Results.Text("Du prenumererar inte längre på våra utskick.", "text/plain; charset=utf-8");
            })
            .DisableAntiforgery()
            .AllowAnonymous();
        return app;
    }
}
