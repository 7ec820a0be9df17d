using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Tests.Platform.Sms;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.DropIn.Invites;

public sealed class JoinTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "Solsken-över-Väsby-7";

    private static Dictionary<string, string> JoinForm(string pseudonym, string birthYear = "2008", bool accept = true) => new()
    {
        ["Input.Pseudonym"] = pseudonym,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
        ["Input.BirthYear"] = birthYear,
        ["Input.AcceptRules"] = accept ? "true" : "false",
    };

    private static string UniqueName(string stem) => stem + Guid.NewGuid().ToString("N")[..5];

    [Fact]
    public async Task Invite_by_sms_shows_the_space_and_its_link_creates_a_signed_in_participant()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));
        using (var sent = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new() { ["Input.Mobile"] = "070-555 12 34", ["Input.Message"] = "Hej Sara!" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var sms = Assert.Single(await factory.OutboxSmsToAsync("+46705551234"), s => s.Text.Contains(space.Name, StringComparison.Ordinal) && s.CreatedAt >= factory.Clock.GetUtcNow().AddSeconds(-1));
        await factory.DispatchSmsAsync();
        var admin = await factory.SignInAsAdministratorAsync();
        var viewer = await admin.GetStringAsync(new Uri("/admin/e-post/sms?mottagare=0705551234", UriKind.Relative), Ct);
        var link = SmsTestExtensions.LinkIn(System.Net.WebUtility.HtmlDecode(viewer), "/motesplats/inbjudan/");
        Assert.Equal(sms.LinkTo("/motesplats/inbjudan/"), link);

        var young = factory.CreateBrowserClient();
        var page = await young.GetDocumentAsync(link);
        Assert.Contains("Välkommen till HoppetOnline", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".prose strong"));
        Assert.Contains("En digital mötesplats för unga", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[type=email]"));

        var pseudonym = UniqueName("Älva ");
        using var joined = await young.SubmitFormAsync(page, link, JoinForm(pseudonym));

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/motesplats/{space.Slug}", joined.Headers.Location!.OriginalString);
        var cookie = joined.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samordna.auth=", StringComparison.Ordinal));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        var (user, roles, member, invite, sessions) = await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var db = services.GetRequiredService<Samordna.Web.Platform.Data.AppDbContext>();
            var user = await users.FindByNameAsync(pseudonym);
            var roles = await users.GetRolesAsync(user!);
            var member = await db.Set<SpaceMember>().AsNoTracking().SingleAsync(m => m.UserId == user!.Id, Ct);
            var invite = await db.Set<Invite>().AsNoTracking().SingleAsync(i => i.SpaceId == space.Id, Ct);
            var sessions = await db.Set<UserSession>().AsNoTracking().CountAsync(s => s.UserId == user!.Id, Ct);
            return (user!, roles, member, invite, sessions);
        });
        Assert.Null(user.Email);
        Assert.Equal(pseudonym, user.DisplayName);
        Assert.Equal([Roles.Participant], roles);
        Assert.Equal(pseudonym, member.DisplayName);
        Assert.Equal(SpaceRole.Member, member.Role);
        Assert.Equal(2008, member.BirthYear);
        Assert.NotNull(member.RulesAcceptedAt);
        Assert.NotNull(invite.UsedAt);
        Assert.Equal(member.Id, invite.UsedByMemberId);
        Assert.Null(invite.Recipient);
        Assert.Null(invite.Message);
        Assert.Equal(1, sessions);

        using var account = await young.GetAsync(new Uri("/konto/enheter", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);

        // The pseudonym is the sign-in name on another device.
        var other = factory.CreateBrowserClient();
        using var signIn = await other.SubmitFormAsync("/konto/logga-in", new() { ["Input.Email"] = pseudonym, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/konto/logga-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The link works once.
        using var reused = await factory.CreateBrowserClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("Inbjudan är redan använd", await reused.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_by_email_links_to_a_working_join_page()
    {
        var space = await factory.CreateSpaceAsync();
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));
        var address = $"ung-{Guid.NewGuid():N}@example.se";
        using (var sent = await staff.SubmitFormAsync(DropInTestData.ManagePath(space), new() { ["Input.Email"] = address }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var link = (await factory.SingleSentMailToAsync(address)).LinkTo("/motesplats/inbjudan/");

        var young = factory.CreateBrowserClient();
        using var joined = await young.SubmitFormAsync(link, JoinForm(UniqueName("Kiwi")));

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var invite = await factory.WithDbAsync(db => db.Set<Invite>().AsNoTracking().SingleAsync(i => i.SpaceId == space.Id, Ct));
        Assert.Null(invite.Recipient);
        Assert.NotNull(invite.UsedByMemberId);
    }

    [Theory]
    [InlineData("expired", HttpStatusCode.Gone, "Inbjudan har gått ut. Be personalen om en ny.")]
    [InlineData("used", HttpStatusCode.Gone, "Inbjudan är redan använd.")]
    [InlineData("revoked", HttpStatusCode.Gone, "Inbjudan har återkallats")]
    [InlineData("tampered", HttpStatusCode.NotFound, "Inbjudningslänken fungerar inte.")]
    [InlineData("short", HttpStatusCode.NotFound, "Inbjudningslänken fungerar inte.")]
    public async Task Unusable_links_are_refused_with_their_own_message_and_no_form(string kind, HttpStatusCode status, string message)
    {
        var space = await factory.CreateSpaceAsync();
        var (_, token) = await factory.CreateInviteAsync(space,
            expiresIn: kind == "expired" ? TimeSpan.FromSeconds(-1) : null, revoked: kind == "revoked", used: kind == "used");
        var path = kind switch
        {
            "tampered" => DropInTestData.JoinPath((token[0] == 'A' ? "B" : "A") + token[1..]),
            "short" => DropInTestData.JoinPath("abc"),
            _ => DropInTestData.JoinPath(token),
        };
        var client = factory.CreateBrowserClient();

        using var get = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(status, get.StatusCode);
        var html = await get.ReadBodyAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Null(Forms.Parse(html).QuerySelector("main form[method=post]"));
        Assert.DoesNotContain(space.HouseRules[..10], html, StringComparison.Ordinal);

        // Posting anyway (with a token from a good page) creates nothing.
        var (_, good) = await factory.CreateInviteAsync(space);
        var document = await client.GetDocumentAsync(DropInTestData.JoinPath(good));
        var name = UniqueName("Post");
        using var post = await client.SubmitFormAsync(document, path, JoinForm(name));
        Assert.Equal(status, post.StatusCode);
        Assert.Null(await factory.WithServicesAsync(s => s.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name)));
    }

    [Theory]
    [InlineData("2012", "Mötesplatsen är till för dig som är 16–29 år.")]
    [InlineData("1990", "Mötesplatsen är till för dig som är 16–29 år.")]
    [InlineData("", "Skriv ditt födelseår")]
    [InlineData("tjugo", "inte giltigt")]
    public async Task A_birth_year_outside_the_age_range_is_refused(string birthYear, string message)
    {
        var space = await factory.CreateSpaceAsync();
        var (invite, token) = await factory.CreateInviteAsync(space);
        var name = UniqueName("Sol");

        using var response = await factory.CreateBrowserClient().SubmitFormAsync(DropInTestData.JoinPath(token), JoinForm(name, birthYear));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(name, Forms.Parse(html).QuerySelector("#Input_Pseudonym")!.GetAttribute("value"));
        Assert.Null((await factory.ReloadAsync(invite.Id)).UsedAt);
    }

    [Fact]
    public async Task A_taken_pseudonym_is_refused_whatever_its_case_and_the_other_values_are_kept()
    {
        var space = await factory.CreateSpaceAsync();
        var nova = await factory.CreateUserAsync(Roles.Participant);
        var taken = UniqueName("Nova");
        await factory.AddMemberAsync(space, nova.Id, taken, birthYear: 2007);
        var (invite, token) = await factory.CreateInviteAsync(space);

        using var response = await factory.CreateBrowserClient().SubmitFormAsync(DropInTestData.JoinPath(token), JoinForm(taken.ToLowerInvariant(), "2009"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        Assert.Contains($"Namnet är upptaget i {space.Name}. Välj ett annat.", html, StringComparison.Ordinal);
        var document = Forms.Parse(html);
        Assert.Equal(taken.ToLowerInvariant(), document.QuerySelector("#Input_Pseudonym")!.GetAttribute("value"));
        Assert.Equal("true", document.QuerySelector("#Input_Pseudonym")!.GetAttribute("aria-invalid"));
        Assert.Equal("2009", document.QuerySelector("#Input_BirthYear")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("#Input_AcceptRules")!.GetAttribute("checked"));
        Assert.Null(document.QuerySelector("#Input_Password")!.GetAttribute("value"));
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
        Assert.Null((await factory.ReloadAsync(invite.Id)).UsedAt);
    }

    [Fact]
    public async Task A_pseudonym_taken_as_a_user_name_elsewhere_is_refused_too()
    {
        var space = await factory.CreateSpaceAsync();
        var other = await factory.CreateSpaceAsync("Annan plats");
        var (_, first) = await factory.CreateInviteAsync(other);
        var name = UniqueName("Ruben");
        using (var joined = await factory.CreateBrowserClient().SubmitFormAsync(DropInTestData.JoinPath(first), JoinForm(name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        }
        var (_, second) = await factory.CreateInviteAsync(space);

        using var response = await factory.CreateBrowserClient().SubmitFormAsync(DropInTestData.JoinPath(second), JoinForm(name.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Namnet är upptaget i HoppetOnline. Välj ett annat.", await response.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "2–30 tecken")]
    [InlineData("Ett namn som är alldeles för långt", "2–30 tecken")]
    [InlineData("Nova<script>", "bara innehålla bokstäver")]
    [InlineData("nova@example.se", "bara innehålla bokstäver")]
    [InlineData("--", "bara innehålla bokstäver")]
    public async Task A_badly_formed_pseudonym_is_refused(string pseudonym, string message)
    {
        var space = await factory.CreateSpaceAsync();
        var (_, token) = await factory.CreateInviteAsync(space);

        using var response = await factory.CreateBrowserClient().SubmitFormAsync(DropInTestData.JoinPath(token), JoinForm(pseudonym));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weak_or_mismatched_passwords_and_unaccepted_rules_are_refused_in_Swedish()
    {
        var space = await factory.CreateSpaceAsync();
        var (invite, token) = await factory.CreateInviteAsync(space);
        var form = JoinForm(UniqueName("Leo"), accept: false);
        form["Input.Password"] = "kort";
        form["Input.ConfirmPassword"] = "annat";

        using var response = await factory.CreateBrowserClient().SubmitFormAsync(DropInTestData.JoinPath(token), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        Assert.Contains("Du behöver godkänna husreglerna", html, StringComparison.Ordinal);
        Assert.Contains("Lösenorden är inte likadana.", html, StringComparison.Ordinal);
        Assert.Contains("10 tecken", html, StringComparison.Ordinal);
        Assert.Null((await factory.ReloadAsync(invite.Id)).UsedAt);
    }

    [Fact]
    public async Task Two_people_using_one_link_at_once_make_exactly_one_account()
    {
        var space = await factory.CreateSpaceAsync();
        var (invite, token) = await factory.CreateInviteAsync(space);
        var path = DropInTestData.JoinPath(token);
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreateBrowserClient()).ToList();
        var documents = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync(path)));
        var names = clients.Select(_ => UniqueName("Samtidig")).ToList();

        var responses = await Task.WhenAll(clients.Select((c, i) => c.SubmitFormAsync(documents[i], path, JoinForm(names[i]))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Gone, r.StatusCode));
        var members = await factory.WithDbAsync(db => db.Set<SpaceMember>().AsNoTracking().Where(m => m.SpaceId == space.Id).ToListAsync(Ct));
        var member = Assert.Single(members);
        var accounts = await factory.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var found = 0;
            foreach (var name in names)
            {
                found += await users.FindByNameAsync(name) is null ? 0 : 1;
            }
            return found;
        });
        Assert.Equal(1, accounts);
        Assert.Equal(member.Id, (await factory.ReloadAsync(invite.Id)).UsedByMemberId);
    }

    [Fact]
    public async Task A_signed_in_participant_joins_another_space_with_the_same_account()
    {
        var first = await factory.CreateSpaceAsync();
        var second = await factory.CreateSpaceAsync("Kvällsträffen");
        var (_, token1) = await factory.CreateInviteAsync(first);
        var young = factory.CreateBrowserClient();
        var name = UniqueName("Leo");
        using (var joined = await young.SubmitFormAsync(DropInTestData.JoinPath(token1), JoinForm(name, "2006")))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        }
        var (invite2, token2) = await factory.CreateInviteAsync(second);

        var page = await young.GetDocumentAsync(DropInTestData.JoinPath(token2));
        Assert.Null(page.QuerySelector("#Input_Password"));
        Assert.Null(page.QuerySelector("#Input_BirthYear"));
        using var response = await young.SubmitFormAsync(page, DropInTestData.JoinPath(token2), new()
        {
            ["Input.Pseudonym"] = "Leo på kvällen",
            ["Input.AcceptRules"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/motesplats/{second.Slug}", response.Headers.Location!.OriginalString);
        var memberships = await factory.WithDbAsync(db => db.Set<SpaceMember>().AsNoTracking()
            .Where(m => m.SpaceId == first.Id || m.SpaceId == second.Id).ToListAsync(Ct));
        Assert.Equal(2, memberships.Count);
        Assert.Single(memberships.Select(m => m.UserId).Distinct());
        Assert.Contains(memberships, m => m.SpaceId == second.Id && m.DisplayName == "Leo på kvällen" && m.BirthYear == 2006);
        Assert.Equal(memberships.Single(m => m.SpaceId == second.Id).Id, (await factory.ReloadAsync(invite2.Id)).UsedByMemberId);

        // A second invite to a space they are already in is not used up.
        var (again, token3) = await factory.CreateInviteAsync(second);
        using var already = await young.GetAsync(new Uri(DropInTestData.JoinPath(token3), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Conflict, already.StatusCode);
        Assert.Null((await factory.ReloadAsync(again.Id)).UsedAt);
    }

    [Fact]
    public async Task Staff_signed_in_are_not_turned_into_participants()
    {
        var space = await factory.CreateSpaceAsync();
        var (invite, token) = await factory.CreateInviteAsync(space);
        var staff = await factory.SignInAsync(await factory.CreateSpaceStaffAsync(space));

        using var response = await staff.GetAsync(new Uri(DropInTestData.JoinPath(token), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("personalkonto", await response.ReadBodyAsync(), StringComparison.Ordinal);
        Assert.Null((await factory.ReloadAsync(invite.Id)).UsedAt);
    }
}
