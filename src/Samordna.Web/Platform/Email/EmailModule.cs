using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Samordna.Web.Features.Admin.Mail;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Platform.Email;

public static class EmailModule
{
    /// <summary>
    /// The outbox (<see cref="IEmailOutbox"/>), its background dispatcher, the configured transport ("Email" section)
    /// and the administrators' mail viewer at /admin/e-post.
    /// </summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var mailDirectory = Path.Combine(builder.Configuration.GetDataDirectory(builder.Environment), "mail");
        var contentRoot = builder.Environment.ContentRootPath;

        services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IOptions<SiteInfo>>((options, site) =>
            {
                if (string.IsNullOrWhiteSpace(options.From))
                {
                    options.From = !string.IsNullOrWhiteSpace(site.Value.Email) ? site.Value.Email
                        : options.UsesFileTransport ? "no-reply@localhost" : "";
                }
                options.From = options.From.Trim();
                if (string.IsNullOrWhiteSpace(options.FromName))
                {
                    options.FromName = site.Value.Name;
                }
                options.Directory = string.IsNullOrWhiteSpace(options.Directory)
                    ? mailDirectory
                    : Path.GetFullPath(options.Directory, contentRoot);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<EmailDispatchSignal>();
        services.AddSingleton<EmlWriter>();
        services.AddSingleton<FileEmailTransport>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtpTransport
            ? sp.GetRequiredService<SmtpEmailTransport>()
            : sp.GetRequiredService<FileEmailTransport>());
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService<EmailDispatchService>();

        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin/Mail", Policies.Administrator));
        services.AddSingleton(new EnglishTexts(MailEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [DetailsModel.RetriedAction] = "Misslyckad e-post köad för nya försök",
        }));
        return builder;
    }

    public static WebApplication MapEmail(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        if (options.UsesFileTransport)
        {
            Directory.CreateDirectory(options.Directory);
        }
        return app;
    }
}
