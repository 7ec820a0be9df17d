using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.Account;

public sealed class SignInTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_sign_in_goes_through_the_authenticator_code()
    {
        var staff = await factory.CreateStaffAsync();
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = staff.Email, ["Input.Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in/tvasteg", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Not signed in yet: the account page asks for sign-in.
        var account = await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);

        var wrong = await client.SubmitFormAsync(response.Headers.Location!.OriginalString, new() { ["Input.Code"] = WrongCode(Totp.Code(staff.AuthenticatorKey!, TimeProvider.System.GetUtcNow())) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Koden stämmer inte", await wrong.ReadBodyAsync(), StringComparison.Ordinal);

        var right = await client.SubmitFormAsync(response.Headers.Location!.OriginalString, new() { ["Input.Code"] = Totp.Code(staff.AuthenticatorKey!, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/konto", right.Headers.Location!.OriginalString);
        var page = await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(staff.Email, await page.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_gives_a_Swedish_message_and_keeps_the_typed_address()
    {
        var staff = await factory.CreateStaffAsync();
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = staff.Email, ["Input.Password"] = "fel-lösenord-123" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        Assert.Contains("Fel e-postadress, användarnamn eller lösenord.", html, StringComparison.Ordinal);
        var document = Forms.Parse(html);
        Assert.Equal(staff.Email, document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Null(document.QuerySelector("#Input_Password")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Missing_and_oversized_fields_are_refused_with_messages_not_errors()
    {
        var client = factory.CreateBrowserClient();
        var empty = await client.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = await empty.ReadBodyAsync();
        Assert.Contains("Fyll i din e-postadress eller ditt användarnamn.", html, StringComparison.Ordinal);
        Assert.Contains("Fyll i ditt lösenord.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);

        var huge = await client.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = new string('a', 5000) + "@example.se", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("för långt", await huge.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var staff = await factory.CreateStaffAsync();
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = staff.Email, ["Input.Password"] = $"fel-{i}-lösenord" });
        }
        var response = await client.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = staff.Email, ["Input.Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tillfälligt spärrat", await response.ReadBodyAsync(), StringComparison.Ordinal);

        var logged = await factory.WithDbAsync(db => Task.FromResult(db.Set<AuditEntry>().Count(a => a.SubjectId == staff.Id.ToString() && a.Action == AuditActions.SignInLockedOut)));
        Assert.True(logged >= 1);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var participant = await factory.CreateUserAsync(Roles.Participant);
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/konto/logga-in?returnUrl=https%3A%2F%2Fevil.example%2F", new() { ["Input.Email"] = participant.Email, ["Input.Password"] = participant.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_is_a_post_and_ends_the_session()
    {
        var client = await factory.SignInAsStaffAsync();
        var get = await client.GetAsync(new Uri("/konto/logga-ut", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);

        var post = await client.SubmitFormAsync("/konto/logga-ut", []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = factory.CreateBrowserClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.se", ["Input.Password"] = "x" });
        var response = await client.PostAsync(new Uri("/konto/logga-in", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_are_in_the_audit_log_for_administrators()
    {
        var staff = await factory.CreateStaffAsync();
        var anonymous = factory.CreateBrowserClient();
        await anonymous.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = staff.Email, ["Input.Password"] = "helt-fel-lösenord" });

        var admin = await factory.SignInAsAdministratorAsync();
        var page = await admin.GetAsync(new Uri($"/admin/logg?handelse={AuditActions.SignInFailed}&q={Uri.EscapeDataString(staff.Email)}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = Forms.Parse(await page.ReadBodyAsync()).QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Misslyckad inloggning", r.TextContent, StringComparison.Ordinal));
    }

    private static string WrongCode(string right) =>
        ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
