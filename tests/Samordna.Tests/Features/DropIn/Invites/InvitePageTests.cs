using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Tests.Platform.Sms;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Invites;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Sms;

namespace Samordna.Tests.Features.DropIn.Invites;

public sealed class InvitePageTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewNumber(out string typed)
    {
        var rest = Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        typed = $"073-{rest[..3]} {rest[3..5]} {rest[5..]}";
        return "+4673" + rest;
    }

    private Task<List<Invite>> InvitesOfAsync(Space space) =>
        factory.WithDbAsync(db => db.Set<Invite>().AsNoTracking().Where(i => i.SpaceId == space.Id).OrderBy(i => i.Id).ToListAsync(Ct));

    [Fact]
    public async Task Staff_invite_by_sms_is_queued_with_the_link_and_shown_as_sent()
    {
        var space = await factory.CreateSpaceAsync();
        var staffUser = await factory.CreateSpaceStaffAsync(space);
        var staff = await factory.SignInAsync(staffUser);
        var number = NewNumber(out var typed);

        using var response = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new()
        {
            ["Input.Mobile"] = typed,
            ["Input.Message"] = "Hej! Kul att vi sågs i fredags.",
            ["Input.ValidDays"] = "5",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sms = await factory.SingleSentSmsToAsync(number);
        Assert.Contains("Tina bjuder in dig till HoppetOnline", sms.Text, StringComparison.Ordinal);
        Assert.Contains("Hej! Kul att vi sågs i fredags.", sms.Text, StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(sms.Text) <= 2, $"{SmsSegments.Count(sms.Text)} parts: {sms.Text}");
        var link = sms.LinkTo("/motesplats/inbjudan/");
        var token = link.Split('/')[^1];
        var invite = Assert.Single(await InvitesOfAsync(space));
        Assert.Equal(InviteTokens.Hash(token), invite.TokenHash);
        Assert.DoesNotContain(token, invite.TokenHash, StringComparison.Ordinal);
        Assert.Equal(number, invite.Recipient);
        Assert.Equal(InviteDelivery.Sms, invite.Delivery);
        Assert.Equal(invite.CreatedAt.AddDays(5), invite.ExpiresAt);
        Assert.Equal("Tina", invite.CreatedByName);

        var page = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync(new Uri(DropInTestData.ManagePath(space), UriKind.Relative), Ct));
        Assert.Contains(SwedishMobileNumber.Mask(number), page, StringComparison.Ordinal);
        Assert.Contains("Skickad", page, StringComparison.Ordinal);
        Assert.DoesNotContain(number, page, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == InviteService.SentAction && a.ActorId == staffUser.Id).ToListAsync(Ct));
        // Other tests in the class send to random numbers too, so two masks can meet: only this sender's entries count.
        var entry = Assert.Single(audit, a => a.Details!.Contains(SwedishMobileNumber.Mask(number), StringComparison.Ordinal));
        Assert.DoesNotContain(number, entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_invite_by_email_uses_the_shared_template_with_the_personal_message()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space, "Maria"));
        var address = $"ung-{Guid.NewGuid():N}@example.se";

        using var response = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new()
        {
            ["Input.Email"] = address,
            ["Input.Message"] = "Välkommen in när du vill!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await factory.SingleSentMailToAsync(address);
        Assert.Equal("Maria bjuder in dig till HoppetOnline", mail.Subject);
        Assert.Contains("Välkommen in när du vill!", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("En digital mötesplats för unga i Upplands Väsby.", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("/motesplats/inbjudan/", mail.LinkTo("/motesplats/inbjudan/"), StringComparison.Ordinal);
        var invite = Assert.Single(await InvitesOfAsync(space));
        Assert.Equal("u***@example.se", invite.RecipientHint);
    }

    [Fact]
    public async Task A_double_submitted_form_sends_one_invite()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));
        var number = NewNumber(out var typed);
        var document = await staff.GetDocumentAsync(DropInTestData.ManagePath(space));

        var values = new Dictionary<string, string> { ["Input.Mobile"] = typed };
        using var first = await staff.SubmitFormAsync(document, DropInTestData.ManagePath(space), values);
        using var second = await staff.SubmitFormAsync(document, DropInTestData.ManagePath(space), values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single(await InvitesOfAsync(space));
        Assert.Single(await factory.OutboxSmsToAsync(number));
    }

    [Theory]
    [InlineData("08-123 456 78", "", "", "fast telefonnummer")]
    [InlineData("070-123 45", "", "", "för kort")]
    [InlineData("", "", "", "Skriv ett mobilnummer eller en e-postadress.")]
    [InlineData("070-123 45 67", "ung@example.se", "", "inte båda")]
    [InlineData("", "inte en adress", "", "Skriv en e-postadress")]
    [InlineData("", "ung@example.se", "40", "1–30 dagar")]
    public async Task Bad_input_is_refused_with_a_message_and_the_form_keeps_its_values(string mobile, string email, string days, string message)
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));

        using var response = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new()
        {
            ["Input.Mobile"] = mobile,
            ["Input.Email"] = email,
            ["Input.Message"] = "Mitt meddelande",
            ["Input.ValidDays"] = days.Length > 0 ? days : "7",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        var document = Forms.Parse(html);
        Assert.Equal(mobile, document.QuerySelector("#Input_Mobile")!.GetAttribute("value"));
        Assert.Equal(email, document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Mitt meddelande", document.QuerySelector("#Input_Message")!.TextContent);
        Assert.Empty(await InvitesOfAsync(space));
    }

    [Fact]
    public async Task A_long_personal_message_is_refused_for_sms_but_not_for_email()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));
        var message = new string('a', 300);
        NewNumber(out var typed);

        using var bySms = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new() { ["Input.Mobile"] = typed, ["Input.Message"] = message });
        Assert.Equal(HttpStatusCode.BadRequest, bySms.StatusCode);
        Assert.Contains("högst 140 tecken", await bySms.ReadBodyAsync(), StringComparison.Ordinal);

        using var byMail = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new() { ["Input.Email"] = "lang@example.se", ["Input.Message"] = message });
        Assert.Equal(HttpStatusCode.Redirect, byMail.StatusCode);

        using var tooLong = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new() { ["Input.Email"] = "lang@example.se", ["Input.Message"] = new string('b', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("högst 500 tecken", await tooLong.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_asks_first_then_ends_the_link_and_erases_the_address()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));
        var (invite, token) = await factory.CreateInviteAsync(space);
        var confirmUrl = $"{DropInTestData.ManagePath(space)}?aterkalla={invite.Id}";

        var confirm = await staff.GetDocumentAsync(confirmUrl);
        Assert.Contains("Återkalla inbjudan?", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await factory.ReloadAsync(invite.Id)).RevokedAt);

        using var response = await staff.SubmitFormAsync(confirm, confirmUrl, [], formSelector: ".invite-confirm form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var revoked = await factory.ReloadAsync(invite.Id);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Null(revoked.Recipient);
        Assert.Equal("Tina", revoked.RevokedByName);
        var anonymous = factory.CreateBrowserClient();
        using var join = await anonymous.GetAsync(new Uri(DropInTestData.JoinPath(token), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Gone, join.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == InviteService.RevokedAction && a.SubjectId == invite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));

        using var again = await staff.SubmitFormAsync(confirm, confirmUrl, [], formSelector: ".invite-confirm form");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync(new Uri(confirmUrl, UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Sending_again_makes_a_new_link_and_revokes_the_old()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));
        var number = NewNumber(out var typed);
        using (var first = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new() { ["Input.Mobile"] = typed }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        var oldLink = (await factory.SingleSentSmsToAsync(number)).LinkTo("/motesplats/inbjudan/");
        var old = Assert.Single(await InvitesOfAsync(space));

        using var resend = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), [], formSelector: $"form[action*='resend'][action*='id={old.Id}']");

        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        await factory.DispatchSmsAsync();
        var messages = await factory.OutboxSmsToAsync(number);
        Assert.Equal(2, messages.Count);
        var newLink = messages[1].LinkTo("/motesplats/inbjudan/");
        Assert.NotEqual(oldLink, newLink);
        var invites = await InvitesOfAsync(space);
        Assert.Equal(2, invites.Count);
        Assert.NotNull(invites[0].RevokedAt);
        Assert.Null(invites[0].Recipient);
        Assert.Equal(number, invites[1].Recipient);
        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(new Uri(oldLink, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(newLink, UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_participant_cannot_reach_the_staff_invite_page()
    {
        var space = await factory.CreateSpaceAsync();
        var participant = await factory.CreateUserAsync(Roles.Participant);
        await factory.AddMemberAsync(space, participant.Id, "Nova" + Guid.NewGuid().ToString("N")[..4], birthYear: 2008);
        var client = await factory.SignInAsync(participant);

        using var get = await client.GetAsync(new Uri(DropInTestData.ManagePath(space), UriKind.Relative), Ct);
        AssertDenied(get);
    }

    [Fact]
    public async Task Staff_of_another_space_cannot_invite_to_this_one()
    {
        var space = await factory.CreateSpaceAsync();
        var other = await factory.CreateSpaceAsync("Annan plats");
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(other));

        using var get = await staff.GetAsync(new Uri(DropInTestData.ManagePath(space), UriKind.Relative), Ct);
        AssertDenied(get);

        using var unknown = await staff.GetAsync(new Uri("/motesplats/finns-inte/personal/inbjudningar", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_administrator_may_invite_to_any_space()
    {
        var space = await factory.CreateSpaceAsync();
        var admin = await factory.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync(new Uri(DropInTestData.ManagePath(space), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_expiry_job_erases_the_address_of_expired_invites_only()
    {
        var space = await factory.CreateSpaceAsync();
        var (expired, _) = await factory.CreateInviteAsync(space, expiresIn: TimeSpan.FromMinutes(-1), message: "Hej Sara!");
        var (open, _) = await factory.CreateInviteAsync(space, "+46709998877", message: "Hej Sam!");

        await factory.WithServicesAsync(services => services.GetRequiredService<InviteRecipientEraser>().EraseAsync(Ct));

        Assert.Null((await factory.ReloadAsync(expired.Id)).Recipient);
        Assert.Null((await factory.ReloadAsync(expired.Id)).Message);
        Assert.Equal("+46709998877", (await factory.ReloadAsync(open.Id)).Recipient);
        Assert.Equal("Hej Sam!", (await factory.ReloadAsync(open.Id)).Message);
        Assert.Equal("+46 70-*** **67", (await factory.ReloadAsync(expired.Id)).RecipientHint);
    }

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/konto/nekad"),
            $"Expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");
}
