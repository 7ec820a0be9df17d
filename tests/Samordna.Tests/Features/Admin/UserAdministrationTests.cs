using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.Admin;

public sealed class UserAdministrationTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once_and_refuses_new_sign_ins()
    {
        var staff = await factory.CreateStaffAsync();
        var staffClient = await factory.SignInAsync(staff);
        Assert.Equal(HttpStatusCode.OK, (await staffClient.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);

        var admin = await factory.SignInAsAdministratorAsync();
        var disable = await admin.SubmitFormAsync($"/admin/anvandare/{staff.Id}", [], formSelector: "form[action*='Disable']");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await staffClient.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        var again = await factory.CreateBrowserClient().SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = staff.Email, ["Input.Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Kontot är avstängt", await again.ReadBodyAsync(), StringComparison.Ordinal);

        var logged = await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.UserDisabled && a.SubjectId == staff.Id.ToString(), Ct));
        Assert.True(logged);

        var enable = await admin.SubmitFormAsync($"/admin/anvandare/{staff.Id}", [], formSelector: "form[action*='Enable']");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.NotNull(await factory.SignInAsync(staff));
    }

    [Fact]
    public async Task Role_changes_take_effect_and_are_audited()
    {
        var person = await factory.CreateStaffAsync();
        var personClient = await factory.SignInAsync(person);
        var admin = await factory.SignInAsAdministratorAsync();

        var page = await admin.GetDocumentAsync($"/admin/anvandare/{person.Id}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='Roles']")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "roles").ToList();
        fields.Add(new("roles", Roles.Editor));
        using var content = new FormUrlEncodedContent(fields);
        var saved = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id select r.Name).ToListAsync(Ct));
        Assert.Equal([Roles.Editor], roles);
        var audit = await factory.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.SubjectId == person.Id.ToString()).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains(AuditActions.RoleAdded, audit);
        Assert.Contains(AuditActions.RoleRemoved, audit);

        // The changed person is signed out so the new roles apply from the next sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await personClient.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role_or_disable_themselves()
    {
        var adminUser = await factory.CreateAdministratorAsync();
        var admin = await factory.SignInAsync(adminUser);

        var page = await admin.GetDocumentAsync($"/admin/anvandare/{adminUser.Id}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='Roles']")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "roles").Append(new("roles", Roles.Staff)).ToList();
        using var content = new FormUrlEncodedContent(fields);
        var refused = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Du kan inte ta bort din egen administratörsroll", await refused.ReadBodyAsync(), StringComparison.Ordinal);

        var disable = await admin.SubmitFormAsync($"/admin/anvandare/{adminUser.Id}", [], formSelector: "form[action*='Disable']");
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("Du kan inte stänga av ditt eget konto.", await disable.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_and_editors_cannot_reach_user_administration()
    {
        var staff = await factory.SignInAsStaffAsync();
        var editor = await factory.SignInAsEditorAsync();
        foreach (var client in new[] { staff, editor })
        {
            var response = await client.GetAsync(new Uri("/admin/anvandare", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/konto/nekad", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var anonymous = await factory.CreateBrowserClient().GetAsync(new Uri("/admin/anvandare", UriKind.Relative), Ct);
        Assert.Contains("/konto/logga-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed_through_the_database()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Add(new AuditEntry { At = factory.Clock.GetUtcNow(), ActorName = "test", Action = "test.entry" });
            await db.SaveChangesAsync(Ct);
        });
        var ex = await Record.ExceptionAsync(() => factory.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "test.entry").ExecuteDeleteAsync(Ct)));
        Assert.NotNull(ex);
    }
}
