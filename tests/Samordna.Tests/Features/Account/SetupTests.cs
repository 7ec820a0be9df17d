using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.Account;

/// <summary>A production installation without demo content: the first visitor creates the first administrator.</summary>
public sealed class ProductionFactory : SamordnaFactory
{
    protected override string EnvironmentName => "Production";
}

public sealed class SetupTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task The_first_visitor_creates_the_first_administrator_and_then_setup_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/setup", UriKind.Relative), ct)).StatusCode);

        var invalid = await client.SubmitFormAsync("/setup", new()
        {
            ["Input.Name"] = "Sara Zechel", ["Input.Email"] = "inte-en-adress", ["Input.Password"] = "kort", ["Input.ConfirmPassword"] = "kort",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await invalid.ReadBodyAsync();
        Assert.Contains("Skriv en giltig e-postadress.", html, StringComparison.Ordinal);
        Assert.Contains("Lösenordet måste vara minst 10 tecken.", html, StringComparison.Ordinal);
        Assert.Equal("Sara Zechel", Forms.Parse(html).QuerySelector("#Input_Name")!.GetAttribute("value"));

        var created = await client.SubmitFormAsync("/setup", new()
        {
            ["Input.Name"] = "Sara Zechel", ["Input.Email"] = "sara@forbund.se", ["Input.Password"] = "Ett-långt-lösenord-1", ["Input.ConfirmPassword"] = "Ett-långt-lösenord-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/konto/tvastegsverifiering", created.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Signed in, but administration waits for two-factor.
        var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative), ct);
        Assert.StartsWith("/konto/tvastegsverifiering", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/setup", UriKind.Relative), ct)).StatusCode);
        var replay = await anonymous.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent([]), ct);
        Assert.True(replay.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Production_loads_no_demo_accounts()
    {
        var demo = await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email!.EndsWith("@demo.samordna.se"))));
        Assert.False(demo);
    }
}
