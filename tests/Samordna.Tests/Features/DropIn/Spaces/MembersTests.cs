using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Features.DropIn.Spaces.Staff;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;
using static Samordna.Tests.Features.DropIn.Spaces.SpacesTestHelpers;

namespace Samordna.Tests.Features.DropIn.Spaces;

public sealed class MembersTests(SpacesFactory factory) : IClassFixture<SpacesFactory>
{
    private static string Members(Space space) => $"/motesplats/{space.Slug}/personal/medlemmar";

    private Task<SpaceMember> ReloadAsync(int id) => factory.WithDbAsync(db => db.Set<SpaceMember>().AsNoTracking().SingleAsync(m => m.Id == id, Ct));

    private Task<List<AuditEntry>> AuditAsync(string action, int memberId) => factory.WithDbAsync(db =>
        db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == action && a.SubjectId == memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync(Ct));

    [Fact]
    public async Task A_removed_member_is_listed_and_can_be_let_in_again_once()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);
        var kiwi = await factory.AddToSpaceAsync(space, await factory.CreateUserAsync(Roles.Participant), "kiwi");
        var confirm = $"{Members(space)}/{kiwi.Id}/ta-bort";
        await client.SubmitFormAsync(confirm, []);
        Assert.NotNull((await ReloadAsync(kiwi.Id)).RemovedAt);

        var (_, page) = await client.GetPageAsync(Members(space));
        Assert.Contains("kiwi", page.TextOf("#removed-members"), StringComparison.Ordinal);
        var restored = await client.SubmitFormAsync(page, Members(space), [], formSelector: "#removed-members form");
        Assert.Contains("kiwi är medlem i", (await client.FollowAsync(restored)).TextOf("[role=status]"), StringComparison.Ordinal);
        // A second submit of the same form (a double click) changes nothing more.
        var again = await client.SubmitFormAsync(page, Members(space), [], formSelector: "#removed-members form");
        Assert.Contains("redan insläppt", (await client.FollowAsync(again)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Null((await ReloadAsync(kiwi.Id)).RemovedAt);
        Assert.Single(await AuditAsync(SpaceAdmin.MemberRestoredAction, kiwi.Id));
        var (_, list) = await client.GetPageAsync(Members(space));
        Assert.Contains("kiwi", list.TextOf("#members"), StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("#removed-members"));
    }

    [Fact]
    public async Task Muting_and_lifting_a_mute_is_recorded_audited_and_told_to_the_chat()
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        factory.Clock.Set(now);
        var space = await factory.InsertSpaceAsync();
        var (client, staffUser, _) = await factory.SignInAsStaffOfAsync(space);
        var nova = await factory.AddToSpaceAsync(space, await factory.CreateUserAsync(Roles.Participant), "nova");
        var sol = await factory.AddToSpaceAsync(space, await factory.CreateUserAsync(Roles.Participant), "sol");

        var hour = await client.SubmitFormAsync(Members(space), new() { ["length"] = MembersModel.OneHour }, $"form[action*='memberId={nova.Id}'][action*='Mute']");
        var page = await client.FollowAsync(hour);
        Assert.Contains("nova är tystad till 24 november 2026 kl. 11.00", page.TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(now.AddHours(1), (await ReloadAsync(nova.Id)).MutedUntil);
        Assert.Contains($"muted {space.Id}/{nova.Id}", factory.Events.Calls);
        var audit = Assert.Single(await AuditAsync(SpaceAdmin.MemberMutedAction, nova.Id));
        Assert.Equal(staffUser.Id, audit.ActorId);
        Assert.Contains("nova tystad till", audit.Details, StringComparison.Ordinal);

        await client.FollowAsync(await client.SubmitFormAsync(Members(space), new() { ["length"] = MembersModel.UntilLifted }, $"form[action*='memberId={sol.Id}'][action*='Mute']"));
        Assert.Equal(SpaceAdmin.MutedIndefinitely, (await ReloadAsync(sol.Id)).MutedUntil);

        var unmute = await client.SubmitFormAsync(Members(space), [], $"form[action*='memberId={nova.Id}'][action*='Unmute']");
        Assert.Contains("nova kan skriva igen.", (await client.FollowAsync(unmute)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Null((await ReloadAsync(nova.Id)).MutedUntil);
        Assert.Single(await AuditAsync(SpaceAdmin.MemberUnmutedAction, nova.Id));
        Assert.Contains($"unmuted {space.Id}/{nova.Id}", factory.Events.Calls);
    }

    [Fact]
    public async Task A_mute_without_a_length_is_refused()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);
        var kiwi = await factory.AddToSpaceAsync(space, await factory.CreateUserAsync(Roles.Participant), "kiwi");

        var response = await client.SubmitFormAsync(Members(space), new() { ["length"] = "en evighet" }, $"form[action*='memberId={kiwi.Id}'][action*='Mute']");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Välj hur länge medlemmen ska vara tystad.", (await response.HtmlAsync()).TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Null((await ReloadAsync(kiwi.Id)).MutedUntil);
    }

    [Fact]
    public async Task Removing_a_member_asks_first_then_sets_RemovedAt_audits_and_tells_the_chat()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);
        var ruben = await factory.AddToSpaceAsync(space, await factory.CreateUserAsync(Roles.Participant), "ruben");
        var confirm = $"{Members(space)}/{ruben.Id}/ta-bort";

        var (question, page) = await client.GetPageAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains("Ta bort ruben från", page.TextOf("h1"), StringComparison.Ordinal);
        Assert.Null((await ReloadAsync(ruben.Id)).RemovedAt);

        var removed = await client.SubmitFormAsync(page, confirm, []);
        Assert.Contains("ruben är borttagen från", (await client.FollowAsync(removed)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.NotNull((await ReloadAsync(ruben.Id)).RemovedAt);
        Assert.Single(await AuditAsync(SpaceAdmin.MemberRemovedAction, ruben.Id));
        Assert.Contains($"removed {space.Id}/{ruben.Id}", factory.Events.Calls);

        // A second submit is harmless, and the member is gone from the list.
        var again = await client.SubmitFormAsync(page, confirm, []);
        Assert.Contains("redan borttagen", (await client.FollowAsync(again)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Single(await AuditAsync(SpaceAdmin.MemberRemovedAction, ruben.Id));
        var (_, list) = await client.GetPageAsync(Members(space));
        Assert.DoesNotContain("ruben", list.TextOf("#members"), StringComparison.Ordinal);

        // Staff cannot be removed through the member page.
        var staff = await factory.WithDbAsync(db => db.Set<SpaceMember>().SingleAsync(m => m.SpaceId == space.Id && m.Role == SpaceRole.Staff, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{Members(space)}/{staff.Id}/ta-bort", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Staff_are_added_by_first_name_and_the_last_staff_member_cannot_be_removed()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, tina) = await factory.SignInAsStaffOfAsync(space, "Tina");
        var maria = await factory.CreateUserAsync(Roles.Staff, displayName: "Maria Anger");
        var participant = await factory.CreateUserAsync(Roles.Participant);

        // Only the one staff member: no remove button, and a forged POST is refused.
        var (_, page) = await client.GetPageAsync(Members(space));
        Assert.Null(page.QuerySelector("#staff form"));
        Assert.Null(page.QuerySelector($"#StaffUserId option[value='{participant.Id}']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            var last = await client.PostAsync(new Uri($"{Members(space)}?handler=RemoveStaff&memberId={tina.Id}", UriKind.Relative), forged, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
            Assert.Contains("Tina är den enda personalen", (await last.HtmlAsync()).TextOf("#form-errors"), StringComparison.Ordinal);
        }
        Assert.Null((await ReloadAsync(tina.Id)).RemovedAt);

        var taken = await client.SubmitFormAsync(Members(space), new() { ["StaffUserId"] = maria.Id.ToString(), ["StaffName"] = "tina" }, "#add-staff");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = await taken.HtmlAsync();
        Assert.Contains("heter redan tina", takenPage.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(maria.Id.ToString(), takenPage.QuerySelector("#StaffUserId option[selected]")!.GetAttribute("value"));

        var notStaff = await client.SubmitFormAsync(Members(space), new() { ["StaffUserId"] = participant.Id.ToString(), ["StaffName"] = "Pelle" }, "#add-staff");
        Assert.Equal(HttpStatusCode.BadRequest, notStaff.StatusCode);

        var added = await client.SubmitFormAsync(Members(space), new() { ["StaffUserId"] = maria.Id.ToString(), ["StaffName"] = "Maria" }, "#add-staff");
        Assert.Contains("Maria är personal i", (await client.FollowAsync(added)).TextOf("[role=status]"), StringComparison.Ordinal);
        var mariaRow = await factory.WithDbAsync(db => db.Set<SpaceMember>().AsNoTracking().SingleAsync(m => m.SpaceId == space.Id && m.UserId == maria.Id, Ct));
        Assert.Equal(("Maria", SpaceRole.Staff), (mariaRow.DisplayName, mariaRow.Role));
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == SpaceAdmin.StaffAddedAction && a.Details!.Contains("Maria"), Ct)));

        // Now Tina can step down; Maria is then the last and stays.
        var removeTina = await client.SubmitFormAsync(Members(space), [], $"#staff form[action*='memberId={tina.Id}']");
        Assert.Equal(HttpStatusCode.Redirect, removeTina.StatusCode);
        Assert.NotNull((await ReloadAsync(tina.Id)).RemovedAt);
        Assert.Single(await AuditAsync(SpaceAdmin.StaffRemovedAction, tina.Id));
        Assert.Contains($"removed {space.Id}/{tina.Id}", factory.Events.Calls);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(Members(space), UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Group_members_are_added_by_pseudonym_and_removed()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);
        var nova = await factory.AddToSpaceAsync(space, await factory.CreateUserAsync(Roles.Participant), "Nova");
        var created = await client.SubmitFormAsync($"/motesplats/{space.Slug}/personal/grupper", new() { ["Name"] = "Inflytanderådet" });
        var groupPage = created.Headers.Location!.OriginalString;
        var empty = await client.SubmitFormAsync($"/motesplats/{space.Slug}/personal/grupper", new() { ["Name"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var unknown = await client.SubmitFormAsync(groupPage, new() { ["Pseudonym"] = "okänd" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var unknownPage = await unknown.HtmlAsync();
        Assert.Contains("Ingen medlem i", unknownPage.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("okänd", unknownPage.QuerySelector("#Pseudonym")!.GetAttribute("value"));

        var added = await client.SubmitFormAsync(groupPage, new() { ["Pseudonym"] = " nova " });
        var page = await client.FollowAsync(added);
        Assert.Contains("Nova är med i Inflytanderådet.", page.TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Nova", page.TextOf("#group-members"), StringComparison.Ordinal);
        Assert.Contains($"access {space.Id}/{nova.Id}", factory.Events.Calls);

        var removed = await client.SubmitFormAsync(page, groupPage, [], "#group-members form");
        Assert.Contains("borttagen ur Inflytanderådet", (await client.FollowAsync(removed)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<MemberGroupMembership>().CountAsync(m => m.MemberId == nova.Id, Ct)));
    }
}
