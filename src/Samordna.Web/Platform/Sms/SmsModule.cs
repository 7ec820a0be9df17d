using Microsoft.Extensions.Options;
using Samordna.Web.Features.Admin.Mail;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Platform.Sms;

public static class SmsModule
{
    /// <summary>
    /// The SMS outbox (<see cref="ISmsOutbox"/>), its background dispatcher and the configured provider ("Sms"
    /// section: File by default, or Http for a 46elks-style API). Administrators read the messages at /admin/e-post/sms.
    /// </summary>
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var smsDirectory = Path.Combine(builder.Configuration.GetDataDirectory(builder.Environment), "sms");
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<SmsOptions>()
            .Bind(builder.Configuration.GetSection(SmsOptions.Section))
            .PostConfigure(options =>
            {
                options.From = options.From.Trim();
                options.Directory = string.IsNullOrWhiteSpace(options.Directory)
                    ? smsDirectory
                    : Path.GetFullPath(options.Directory, contentRoot);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.AddHttpClient(HttpSmsTransport.HttpClientName);

        services.AddScoped<ISmsOutbox, SmsOutbox>();
        services.AddSingleton<SmsDispatchSignal>();
        services.AddSingleton<FileSmsTransport>();
        services.AddSingleton<HttpSmsTransport>();
        services.AddSingleton<ISmsTransport>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.UsesHttpProvider
            ? sp.GetRequiredService<HttpSmsTransport>()
            : sp.GetRequiredService<FileSmsTransport>());
        services.AddSingleton<SmsDispatcher>();
        services.AddHostedService<SmsDispatchService>();

        services.AddSingleton(new EnglishTexts(SmsViewerEnglish.Texts));
        services.AddSingleton(new AuditActionNames(new Dictionary<string, string>
        {
            [SmsModel.RetriedAction] = "Misslyckat sms köat för nya försök",
        }));
        return builder;
    }
}
