using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Account;

/// <summary>Sign-in, two-factor, password, devices, and the first-run set-up.</summary>
public static class AccountModule
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<DemoAccounts>();
        services.AddDefaultContentSeeder<RolesSeeder>();
        services.AddDemoSeeder<AccountDemoSeeder>();
        services.AddSingleton(new EnglishTexts(AccountEnglish.Texts));
        return builder;
    }

    public static WebApplication MapAccount(this WebApplication app) => app;
}
