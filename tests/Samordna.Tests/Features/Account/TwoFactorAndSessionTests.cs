using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.Account;

public sealed class TwoFactorAndSessionTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_without_two_factor_reach_only_their_profile_until_they_enrol()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator, enrolTwoFactor: false);
        var client = await factory.SignInAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        var blocked = await client.GetAsync(new Uri("/admin/anvandare", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/konto/tvastegsverifiering?returnUrl=%2Fadmin%2Fanvandare", blocked.Headers.Location!.OriginalString);

        // Enrol like a person with an authenticator app: read the key off the page, type the code.
        var page = await client.GetDocumentAsync("/konto/tvastegsverifiering");
        var key = page.QuerySelector("main p code")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotNull(page.QuerySelector("img.qr[alt]"));
        var wrong = await client.SubmitFormAsync(page, "/konto/tvastegsverifiering", new() { ["Input.Code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var enrolled = await client.SubmitFormAsync("/konto/tvastegsverifiering?returnUrl=%2Fadmin%2Fanvandare", new() { ["Input.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = Forms.Parse(await enrolled.ReadBodyAsync()).QuerySelectorAll(".recovery-codes code");
        Assert.Equal(10, codes.Length);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/anvandare", UriKind.Relative), Ct)).StatusCode);

        // A recovery code signs in once, and only once.
        var fresh = factory.CreateBrowserClient();
        var step = await fresh.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = admin.Email, ["Input.Password"] = admin.Password });
        Assert.StartsWith("/konto/logga-in/tvasteg", step.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var recovery = await fresh.SubmitFormAsync("/konto/logga-in/aterstallningskod", new() { ["Input.RecoveryCode"] = codes[0].TextContent });
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);

        var again = factory.CreateBrowserClient();
        await again.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = admin.Email, ["Input.Password"] = admin.Password });
        var reused = await again.SubmitFormAsync("/konto/logga-in/aterstallningskod", new() { ["Input.RecoveryCode"] = codes[0].TextContent });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("redan använd", await reused.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_need_no_two_factor_but_cannot_reach_administration()
    {
        var participant = await factory.CreateUserAsync(Roles.Participant);
        var client = await factory.SignInAsync(participant);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/konto/nekad", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_device_is_listed_and_sign_out_everywhere_ends_them_all()
    {
        var staff = await factory.CreateStaffAsync();
        var phone = await factory.SignInAsync(staff);
        var laptop = await factory.SignInAsync(staff);

        var devices = await laptop.GetDocumentAsync("/konto/enheter");
        Assert.Equal(2, devices.QuerySelectorAll("tbody tr").Length);
        Assert.Single(devices.QuerySelectorAll("tbody .badge-ok"));

        var everywhere = await laptop.SubmitFormAsync(devices, "/konto/enheter", [], formSelector: "form[action*='Everywhere']");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_one_device_leaves_the_other_signed_in()
    {
        var staff = await factory.CreateStaffAsync();
        var phone = await factory.SignInAsync(staff);
        var laptop = await factory.SignInAsync(staff);

        var devices = await laptop.GetDocumentAsync("/konto/enheter");
        var otherRow = devices.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector(".badge-ok") is null);
        var id = otherRow.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var revoke = await laptop.SubmitFormAsync(devices, "/konto/enheter", new() { ["id"] = id }, formSelector: "form[action*='Revoke']");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_device_and_signs_out_the_others()
    {
        var staff = await factory.CreateStaffAsync();
        var phone = await factory.SignInAsync(staff);
        var laptop = await factory.SignInAsync(staff);

        var mismatch = await laptop.SubmitFormAsync("/konto/losenord", new()
        {
            ["Input.CurrentPassword"] = staff.Password, ["Input.NewPassword"] = "Ett-nytt-långt-lösenord", ["Input.ConfirmPassword"] = "Något annat helt",
        });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("Lösenorden är inte likadana.", await mismatch.ReadBodyAsync(), StringComparison.Ordinal);

        var changed = await laptop.SubmitFormAsync("/konto/losenord", new()
        {
            ["Input.CurrentPassword"] = staff.Password, ["Input.NewPassword"] = "Ett-nytt-långt-lösenord", ["Input.ConfirmPassword"] = "Ett-nytt-långt-lösenord",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);

        var newPassword = staff with { Password = "Ett-nytt-långt-lösenord" };
        Assert.NotNull(await factory.SignInAsync(newPassword));
    }
}
