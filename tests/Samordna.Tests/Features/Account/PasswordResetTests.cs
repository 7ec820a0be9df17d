using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.Account;

public sealed class PasswordResetTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_emailed_link_once()
    {
        var user = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateBrowserClient();
        var asked = await client.SubmitFormAsync("/konto/glomt-losenord", new() { ["Input.Email"] = user.Email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Om det finns ett konto", await asked.ReadBodyAsync(), StringComparison.Ordinal);

        var mail = await factory.SingleSentMailToAsync(user.Email);
        Assert.Equal("Återställ ditt lösenord", mail.Subject);
        var link = mail.LinkTo("/konto/aterstall-losenord");

        var reset = await client.SubmitFormAsync(link, new() { ["Input.Password"] = "Helt-nytt-lösenord-9", ["Input.ConfirmPassword"] = "Helt-nytt-lösenord-9" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri(link, UriKind.Relative), Ct)).StatusCode);
        var old = await factory.CreateBrowserClient().SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.NotNull(await factory.SignInAsync(user with { Password = "Helt-nytt-lösenord-9" }));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        var client = factory.CreateBrowserClient();
        var asked = await client.SubmitFormAsync("/konto/glomt-losenord", new() { ["Input.Email"] = "finns.inte@example.se" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Om det finns ett konto", await asked.ReadBodyAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.SentMailsToAsync("finns.inte@example.se"));
    }

    [Fact]
    public async Task A_tampered_or_expired_link_is_refused_with_a_message()
    {
        var user = await factory.CreateUserAsync(Roles.Staff);
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync("/konto/glomt-losenord", new() { ["Input.Email"] = user.Email });
        var link = (await factory.SingleSentMailToAsync(user.Email)).LinkTo("/konto/aterstall-losenord");

        var tampered = link.Replace("code=", "code=X", StringComparison.Ordinal);
        var response = await client.GetAsync(new Uri(tampered, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Länken är ogiltig", await response.ReadBodyAsync(), StringComparison.Ordinal);

        var noParameters = await client.GetAsync(new Uri("/konto/aterstall-losenord", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noParameters.StatusCode);
    }
}
