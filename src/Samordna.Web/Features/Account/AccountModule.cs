namespace Samordna.Web.Features.Account;

public static class AccountModule
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAccount(this WebApplication app) => app;
}
