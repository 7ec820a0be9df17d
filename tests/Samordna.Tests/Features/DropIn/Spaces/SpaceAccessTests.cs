using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;
using static Samordna.Tests.Features.DropIn.Spaces.SpacesTestHelpers;

namespace Samordna.Tests.Features.DropIn.Spaces;

public sealed class SpaceAccessTests(SpacesFactory factory) : IClassFixture<SpacesFactory>
{
    private static readonly string[] StaffPages = ["installningar", "oppettider", "kanaler", "grupper", "medlemmar"];

    [Fact]
    public async Task Staff_of_one_space_cannot_see_or_change_another_space()
    {
        var mine = await factory.InsertSpaceAsync();
        var theirs = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(mine);

        foreach (var page in StaffPages)
        {
            var own = await client.GetAsync(new Uri($"/motesplats/{mine.Slug}/personal/{page}", UriKind.Relative), Ct);
            var other = await client.GetAsync(new Uri($"/motesplats/{theirs.Slug}/personal/{page}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }
        var missing = await client.GetAsync(new Uri("/motesplats/finns-inte/personal/installningar", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // A POST with a valid antiforgery token (taken from the own space's form) changes nothing in the other space.
        var document = await client.GetDocumentAsync($"/motesplats/{mine.Slug}/personal/oppettider");
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Rule.Day"] = "3",
            ["Rule.Opens"] = "10:00",
            ["Rule.Closes"] = "12:00",
        });
        var post = await client.PostAsync(new Uri($"/motesplats/{theirs.Slug}/personal/oppettider?handler=AddRule", UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var rules = await factory.WithDbAsync(db => Task.FromResult(db.Set<OpeningHoursRule>().Count(r => r.SpaceId == theirs.Id)));
        Assert.Equal(2, rules);
    }

    [Fact]
    public async Task Participants_and_anonymous_visitors_cannot_reach_the_staff_pages()
    {
        var space = await factory.InsertSpaceAsync();
        var participant = await factory.CreateUserAsync(Roles.Participant);
        await factory.AddToSpaceAsync(space, participant, "nova");
        var member = await factory.SignInAsync(participant);
        var anonymous = factory.CreateBrowserClient();

        foreach (var path in StaffPages.Select(p => $"/motesplats/{space.Slug}/personal/{p}").Append("/motesplats/ny"))
        {
            var url = new Uri(path, UriKind.Relative);
            var asMember = await member.GetAsync(url, Ct);
            var asAnonymous = await anonymous.GetAsync(url, Ct);
            Assert.True(asMember.StatusCode == HttpStatusCode.Forbidden || asMember.Headers.Location?.OriginalString.Contains("/konto/nekad", StringComparison.Ordinal) == true,
                $"{url}: a participant got {(int)asMember.StatusCode} {asMember.Headers.Location}.");
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
            Assert.Contains("/konto/logga-in", asAnonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_who_left_a_space_lose_its_staff_pages_and_administrators_reach_every_space()
    {
        var space = await factory.InsertSpaceAsync();
        var (client, _, member) = await factory.SignInAsStaffOfAsync(space);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Set<SpaceMember>().FindAsync([member.Id], Ct);
            row!.RemovedAt = factory.Clock.GetUtcNow();
            await db.SaveChangesAsync(Ct);
        });
        var removed = await client.GetAsync(new Uri($"/motesplats/{space.Slug}/personal/medlemmar", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, removed.StatusCode);

        var admin = await factory.SignInAsAdministratorAsync();
        var asAdmin = await admin.GetAsync(new Uri($"/motesplats/{space.Slug}/personal/medlemmar", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Fact]
    public async Task The_index_tells_anonymous_visitors_it_is_invite_only_and_members_see_their_spaces()
    {
        var space = await factory.InsertSpaceAsync();
        var other = await factory.InsertSpaceAsync();

        var (response, page) = await factory.CreateBrowserClient().GetPageAsync("/motesplats");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vill du vara med? Skriv eller sms:a till personalen så skickar vi en inbjudan", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Måndag 17.00–19.00", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Runbyvägen 11, Upplands Väsby", page.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href^='/konto/logga-in']"));
        Assert.Null(page.QuerySelector("#mine-heading"));

        var participant = await factory.CreateUserAsync(Roles.Participant);
        await factory.AddToSpaceAsync(space, participant, "sol");
        var (_, mine) = await (await factory.SignInAsync(participant)).GetPageAsync("/motesplats");
        var links = mine.QuerySelectorAll("section[aria-labelledby=mine-heading] h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/motesplats/{space.Slug}"], links);
        Assert.DoesNotContain($"/motesplats/{other.Slug}", links);
        Assert.Null(mine.QuerySelector("a[href='/motesplats/ny']"));

        var (staff, _, _) = await factory.SignInAsStaffOfAsync(space, "Maria");
        var (_, staffPage) = await staff.GetPageAsync("/motesplats");
        Assert.NotNull(staffPage.QuerySelector("a[href='/motesplats/ny']"));
        Assert.NotNull(staffPage.QuerySelector($"a[href='/motesplats/{space.Slug}/personal/medlemmar']"));
        Assert.Null(staffPage.QuerySelector($"a[href='/motesplats/{other.Slug}/personal/medlemmar']"));
    }

    [Fact]
    public async Task The_start_page_tells_the_public_about_the_drop_in_and_its_hours()
    {
        var space = await factory.InsertSpaceAsync();
        // Written straight to the database: empty the start page's cache as the staff pages do.
        await factory.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<PublicPageCache>().ChangedAsync(Ct);
            return true;
        });

        var (_, start) = await factory.CreateBrowserClient().GetPageAsync("/");

        var block = start.TextOf(".dropin-start");
        Assert.Contains("Digital mötesplats", block, StringComparison.Ordinal);
        Assert.Contains(space.Name, block, StringComparison.Ordinal);
        Assert.Contains("Måndag 17.00–19.00", block, StringComparison.Ordinal);
        Assert.Null(start.QuerySelector(".dropin-start form"));
    }
}
