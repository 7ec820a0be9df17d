using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.Admin;

public sealed class InvitationTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_staff_member_sets_a_password_from_the_email_and_must_enrol_two_factor()
    {
        var admin = await factory.SignInAsAdministratorAsync();
        var email = $"ny.personal.{Guid.NewGuid():N}@vallentuna.se";
        var invite = await admin.SubmitFormAsync("/admin/anvandare/bjud-in", new() { ["Input.Name"] = "Ny Personal", ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);

        var mail = await factory.SingleSentMailToAsync(email);
        Assert.StartsWith("Inbjudan till", mail.Subject, StringComparison.Ordinal);
        var link = mail.LinkTo("/konto/aterstall-losenord");

        var person = factory.CreateBrowserClient();
        var weak = await person.SubmitFormAsync(link, new() { ["Input.Password"] = "kort", ["Input.ConfirmPassword"] = "kort" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("minst 10 tecken", await weak.ReadBodyAsync(), StringComparison.Ordinal);

        var set = await person.SubmitFormAsync(link, new() { ["Input.Password"] = "Vallentuna-höst-2026", ["Input.ConfirmPassword"] = "Vallentuna-höst-2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        // The link works once.
        var reused = await person.GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("redan använd", await reused.ReadBodyAsync(), StringComparison.Ordinal);

        var signedIn = await factory.SignInAsync(new TestUser(Guid.Empty, email, "Vallentuna-höst-2026", null));
        var staffArea = await signedIn.GetAsync(new Uri("/admin/e-post", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, staffArea.StatusCode);
    }

    [Fact]
    public async Task Inviting_an_existing_address_or_without_a_role_keeps_the_form_and_explains()
    {
        var existing = await factory.CreateStaffAsync();
        var admin = await factory.SignInAsAdministratorAsync();
        var duplicate = await admin.SubmitFormAsync("/admin/anvandare/bjud-in", new() { ["Input.Name"] = "Dubbel", ["Input.Email"] = existing.Email });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var html = await duplicate.ReadBodyAsync();
        Assert.Contains("Det finns redan ett konto med den e-postadressen.", html, StringComparison.Ordinal);
        Assert.Equal("Dubbel", Forms.Parse(html).QuerySelector("#Input_Name")!.GetAttribute("value"));

        var page = await admin.GetDocumentAsync("/admin/anvandare/bjud-in");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "Input.Roles").ToList();
        fields.RemoveAll(f => f.Key is "Input.Name" or "Input.Email");
        fields.Add(new("Input.Name", "Utan Roll"));
        fields.Add(new("Input.Email", "utan.roll@sigtuna.se"));
        using var content = new FormUrlEncodedContent(fields);
        var noRole = await admin.PostAsync(new Uri("/admin/anvandare/bjud-in", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noRole.StatusCode);
        Assert.Contains("Välj minst en roll.", await noRole.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_invitation_replaces_the_earlier_link()
    {
        var admin = await factory.SignInAsAdministratorAsync();
        var email = $"igen.{Guid.NewGuid():N}@sigtuna.se";
        var invite = await admin.SubmitFormAsync("/admin/anvandare/bjud-in", new() { ["Input.Name"] = "Igen", ["Input.Email"] = email });
        var detailsUrl = invite.Headers.Location!.OriginalString;
        var first = (await factory.SingleSentMailToAsync(email)).LinkTo("/konto/aterstall-losenord");

        var resend = await admin.SubmitFormAsync(detailsUrl, [], formSelector: "form[action*='Resend']");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var mails = await factory.SentMailsToAsync(email);
        Assert.Equal(2, mails.Count);

        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri(first, UriKind.Relative), Ct)).StatusCode);
        var second = mails.Select(m => m.LinkTo("/konto/aterstall-losenord")).Single(l => l != first);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(second, UriKind.Relative), Ct)).StatusCode);
    }
}
