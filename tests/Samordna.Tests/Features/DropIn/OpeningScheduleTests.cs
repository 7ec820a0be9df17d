using Samordna.Web.Features.DropIn;
using Samordna.Web.Platform.Time;

namespace Samordna.Tests.Features.DropIn;

public sealed class OpeningScheduleTests
{
    // HoppetOnline: Tuesday and Thursday 13.00–16.00.
    private static Space Hoppet() => new()
    {
        Name = "HoppetOnline",
        OpeningHours =
        [
            new OpeningHoursRule { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(13, 0), Closes = new TimeOnly(16, 0) },
            new OpeningHoursRule { Day = DayOfWeek.Thursday, Opens = new TimeOnly(13, 0), Closes = new TimeOnly(16, 0) },
        ],
    };

    private static DateTimeOffset Stockholm(int year, int month, int day, int hour, int minute = 0) =>
        StockholmTime.FromStockholm(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    [Fact]
    public void Inside_the_weekly_hours_the_space_is_open_until_closing()
    {
        // Tuesday 1 December 2026, 14.30 in Stockholm (winter time).
        var state = OpeningSchedule.StateAt(Hoppet(), Stockholm(2026, 12, 1, 14, 30));

        Assert.True(state.IsOpen);
        Assert.Equal(Stockholm(2026, 12, 1, 16), state.Until);
        Assert.False(state.ByStaff);
    }

    [Fact]
    public void Outside_the_hours_it_says_when_it_opens_next_in_Swedish()
    {
        // Friday 27 November 2026, 20.00: next opening Tuesday 1 December 13.00.
        var now = Stockholm(2026, 11, 27, 20);
        var state = OpeningSchedule.StateAt(Hoppet(), now);

        Assert.False(state.IsOpen);
        Assert.Equal(Stockholm(2026, 12, 1, 13), state.NextOpening);
        using var culture = new SwedishCulture();
        Assert.Equal("Stängt just nu — vi öppnar tisdag kl. 13.00", OpeningSchedule.Describe(state, now));
    }

    [Fact]
    public void Wall_clock_hours_hold_across_the_change_to_summer_time()
    {
        // Tuesday 31 March 2026 is after the change on 29 March: 13.00 is 11.00 UTC, not 12.00.
        var state = OpeningSchedule.StateAt(Hoppet(), new DateTimeOffset(2026, 3, 31, 11, 30, 0, TimeSpan.Zero));

        Assert.True(state.IsOpen);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 14, 0, 0, TimeSpan.Zero), state.Until);
    }

    [Fact]
    public void A_public_holiday_closes_the_day_and_an_exception_can_open_it_again()
    {
        var space = Hoppet();
        // Thursday 24 December 2026 is Christmas Eve.
        var christmasEve = Stockholm(2026, 12, 24, 14);

        var closed = OpeningSchedule.StateAt(space, christmasEve);
        Assert.False(closed.IsOpen);
        Assert.Equal("Julafton", closed.Note);
        Assert.Equal(Stockholm(2026, 12, 29, 13), closed.NextOpening);

        space.SpecialDays.Add(new SpecialDay { Date = new DateOnly(2026, 12, 24), Opens = new TimeOnly(10, 0), Closes = new TimeOnly(15, 0), Note = "Julöppet" });
        var open = OpeningSchedule.StateAt(space, christmasEve);
        Assert.True(open.IsOpen);
        Assert.Equal(Stockholm(2026, 12, 24, 15), open.Until);
    }

    [Fact]
    public void A_closed_special_day_closes_a_scheduled_day()
    {
        var space = Hoppet();
        space.SpecialDays.Add(new SpecialDay { Date = new DateOnly(2026, 12, 1), Closed = true, Note = "Personaldag" });

        var state = OpeningSchedule.StateAt(space, Stockholm(2026, 12, 1, 14));

        Assert.False(state.IsOpen);
        Assert.Equal("Personaldag", state.Note);
        Assert.Equal(Stockholm(2026, 12, 3, 13), state.NextOpening);
    }

    [Fact]
    public void Staff_can_open_ad_hoc_and_the_schedule_returns_afterwards()
    {
        var space = Hoppet();
        var friday = Stockholm(2026, 11, 27, 18);
        space.Override = OpenOverride.Open;
        space.OverrideUntil = Stockholm(2026, 11, 27, 20);

        var open = OpeningSchedule.StateAt(space, friday);
        Assert.True(open.IsOpen);
        Assert.True(open.ByStaff);
        Assert.Equal(space.OverrideUntil, open.Until);

        var later = OpeningSchedule.StateAt(space, Stockholm(2026, 11, 27, 21));
        Assert.False(later.IsOpen);
        Assert.False(later.ByStaff);
    }

    [Fact]
    public void Staff_can_close_during_opening_hours()
    {
        var space = Hoppet();
        space.Override = OpenOverride.Closed;
        space.OverrideUntil = Stockholm(2026, 12, 1, 16);

        var state = OpeningSchedule.StateAt(space, Stockholm(2026, 12, 1, 14));

        Assert.False(state.IsOpen);
        Assert.True(state.ByStaff);
        Assert.Equal(Stockholm(2026, 12, 3, 13), state.NextOpening);
    }

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2024, 3, 31)]
    public void Easter_Sunday_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SwedishHolidays.EasterSunday(year));

    [Theory]
    [InlineData(2026, 6, 19, "Midsommarafton")]
    [InlineData(2026, 10, 31, "Alla helgons dag")]
    [InlineData(2026, 5, 14, "Kristi himmelsfärdsdag")]
    [InlineData(2026, 6, 6, "Sveriges nationaldag")]
    public void Swedish_holidays_are_named(int year, int month, int day, string name) =>
        Assert.Equal(name, SwedishHolidays.NameOf(new DateOnly(year, month, day)));

    private sealed class SwedishCulture : IDisposable
    {
        private readonly System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentUICulture;

        public SwedishCulture() => System.Globalization.CultureInfo.CurrentUICulture = StockholmTime.Swedish;

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = previous;
    }
}
