using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Audit;
using static Samordna.Tests.Features.DropIn.Spaces.SpacesTestHelpers;

namespace Samordna.Tests.Features.DropIn.Spaces;

public sealed class OpeningHoursTests(SpacesFactory factory) : IClassFixture<SpacesFactory>
{
    // Tuesday 24 November 2026, 10.00 in Stockholm.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static string Hours(Space space) => $"/motesplats/{space.Slug}/personal/oppettider";

    [Fact]
    public async Task Bad_times_are_explained_in_Swedish_and_what_was_typed_is_kept()
    {
        factory.Clock.Set(Now);
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);

        var missing = await client.SubmitFormAsync(Hours(space), new() { ["Rule.Day"] = "3", ["Rule.Opens"] = "", ["Rule.Closes"] = "16:00" }, "#add-rule");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var page = await missing.HtmlAsync();
        Assert.Contains("Ange när det öppnar", page.TextOf("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Rule_Opens")!.GetAttribute("aria-invalid"));
        Assert.Contains("Rule_Opens-error", page.QuerySelector("#Rule_Opens")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("16:00", page.QuerySelector("#Rule_Closes")!.GetAttribute("value"));
        Assert.Equal("3", page.QuerySelector("#Rule_Day option[selected]")!.GetAttribute("value"));

        var backwards = await client.SubmitFormAsync(Hours(space), new() { ["Rule.Day"] = "3", ["Rule.Opens"] = "16:00", ["Rule.Closes"] = "13:00" }, "#add-rule");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("Stängningstiden måste vara efter öppningstiden.", (await backwards.HtmlAsync()).TextOf("#Rule_Closes-error"), StringComparison.Ordinal);

        var nonsense = await client.SubmitFormAsync(Hours(space), new() { ["Rule.Day"] = "9", ["Rule.Opens"] = "kvart i", ["Rule.Closes"] = "25:00" }, "#add-rule");
        Assert.True(nonsense.StatusCode == HttpStatusCode.BadRequest, await nonsense.Content.ReadAsStringAsync(Ct));
        var errors = (await nonsense.HtmlAsync()).TextOf("#form-errors");
        Assert.Contains("Välj en veckodag.", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv öppningstiden som timmar och minuter", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv stängningstiden som timmar och minuter", errors, StringComparison.Ordinal);

        var rules = await factory.WithDbAsync(db => db.Set<OpeningHoursRule>().CountAsync(r => r.SpaceId == space.Id, Ct));
        Assert.Equal(2, rules);
    }

    [Fact]
    public async Task Overlapping_openings_on_a_day_are_refused_and_a_repeated_submit_adds_nothing()
    {
        factory.Clock.Set(Now);
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space);

        // Tuesday already has 13.00–16.00.
        var overlap = await client.SubmitFormAsync(Hours(space), new() { ["Rule.Day"] = "2", ["Rule.Opens"] = "15:30", ["Rule.Closes"] = "18:00" }, "#add-rule");
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.Contains("Tiden krockar med tisdag 13.00–16.00.", (await overlap.HtmlAsync()).TextOf("#form-errors"), StringComparison.Ordinal);

        // Back to back is not an overlap.
        var adjacent = await client.SubmitFormAsync(Hours(space), new() { ["Rule.Day"] = "2", ["Rule.Opens"] = "16:00", ["Rule.Closes"] = "18.00" }, "#add-rule");
        var after = await client.FollowAsync(adjacent);
        Assert.Contains("Tisdag 16.00–18.00 finns nu med i öppettiderna.", after.TextOf("[role=status]"), StringComparison.Ordinal);

        var again = await client.SubmitFormAsync(Hours(space), new() { ["Rule.Day"] = "2", ["Rule.Opens"] = "16:00", ["Rule.Closes"] = "18:00" }, "#add-rule");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var tuesday = await factory.WithDbAsync(db => db.Set<OpeningHoursRule>().Where(r => r.SpaceId == space.Id && r.Day == DayOfWeek.Tuesday)
            .OrderBy(r => r.Opens).Select(r => r.Opens).ToListAsync(Ct));
        Assert.Equal([new TimeOnly(13, 0), new TimeOnly(16, 0)], tuesday);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == SpaceAdmin.HoursChangedAction && a.Details!.Contains("Tisdag 16.00–18.00"), Ct)));

        // Removing it (twice: the second is harmless).
        var page = await client.GetDocumentAsync(Hours(space));
        var added = await factory.WithDbAsync(db => db.Set<OpeningHoursRule>().SingleAsync(r => r.SpaceId == space.Id && r.Opens == new TimeOnly(16, 0), Ct));
        var remove = await client.SubmitFormAsync(page, Hours(space), [], $"#remove-rule-{added.Id}");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        var twice = await client.SubmitFormAsync(page, Hours(space), [], $"#remove-rule-{added.Id}");
        Assert.Contains("redan borttagen", (await client.FollowAsync(twice)).TextOf("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Special_days_and_holidays_show_on_the_public_about_page_with_the_hours_and_the_physical_address()
    {
        factory.Clock.Set(Now);
        var space = await factory.InsertSpaceAsync();
        var (client, _, _) = await factory.SignInAsStaffOfAsync(space, "Tina");

        var badDay = await client.SubmitFormAsync(Hours(space), new() { ["Day.Date"] = "2026-11-01", ["Day.Kind"] = SpecialDayInput.OpenKind, ["Day.Opens"] = "14:00", ["Day.Closes"] = "12:00" }, "#add-day");
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        var errors = (await badDay.HtmlAsync()).TextOf("#form-errors");
        Assert.Contains("Datumet har redan varit.", errors, StringComparison.Ordinal);
        Assert.Contains("Stängningstiden måste vara efter öppningstiden.", errors, StringComparison.Ordinal);

        // Monday 30 November closed for a staff day; Tuesday 8 December open at other hours.
        await client.FollowAsync(await client.SubmitFormAsync(Hours(space), new() { ["Day.Date"] = "2026-11-30", ["Day.Kind"] = SpecialDayInput.ClosedKind, ["Day.Note"] = "Personaldag" }, "#add-day"));
        await client.FollowAsync(await client.SubmitFormAsync(Hours(space), new() { ["Day.Date"] = "2026-12-08", ["Day.Kind"] = SpecialDayInput.OpenKind, ["Day.Opens"] = "10:00", ["Day.Closes"] = "12:00", ["Day.Note"] = "Julpyssel" }, "#add-day"));

        var (response, about) = await factory.CreateBrowserClient().GetPageAsync($"/motesplats/{space.Slug}/om");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Måndag 17.00–19.00 Tisdag 13.00–16.00", about.TextOf("#weekly-hours li"));
        var coming = about.TextOf("#coming-days");
        Assert.Contains("Personaldag, måndag 30 november: stängt", coming, StringComparison.Ordinal);
        Assert.Contains("Julpyssel, tisdag 8 december: öppet 10.00–12.00", coming, StringComparison.Ordinal);
        // Christmas Eve is a Thursday (no weekly hours): not a change. Boxing day neither. New Year's Eve and Epiphany are outside 6 weeks or closed days.
        Assert.DoesNotContain("Julafton", coming, StringComparison.Ordinal);
        Assert.Equal("Runbyvägen 11, Upplands Väsby", about.TextOf("#physical-address"));
        Assert.Contains("Tisdagar 10–15 på", about.TextOf("#physical-heading + .prose"), StringComparison.Ordinal);
        Assert.Equal("Tina", about.TextOf("#staff-names"));
        // Tuesday 10.00: opens at 13.00 today.
        Assert.Equal("Stängt just nu — vi öppnar i dag kl. 13.00", about.TextOf("#dropin-state"));
        Assert.Contains("Var schysst.", about.TextOf("section[aria-labelledby=rules-heading]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_holiday_on_an_open_weekday_shows_as_closed()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
        var space = await factory.InsertSpaceAsync(s => s.OpeningHours.Add(new OpeningHoursRule { Day = DayOfWeek.Thursday, Opens = new TimeOnly(13, 0), Closes = new TimeOnly(16, 0) }));

        var (_, about) = await factory.CreateBrowserClient().GetPageAsync($"/motesplats/{space.Slug}/om");

        Assert.Contains("Julafton, torsdag 24 december: stängt", about.TextOf("#coming-days"), StringComparison.Ordinal);
        Assert.Contains("Nyårsafton, torsdag 31 december: stängt", about.TextOf("#coming-days"), StringComparison.Ordinal);
    }
}
