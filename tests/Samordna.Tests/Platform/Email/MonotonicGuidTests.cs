using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

public sealed class MonotonicGuidTests
{
    [Fact]
    public void Ids_made_in_the_same_millisecond_sort_in_the_order_they_were_made()
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 5000).Select(_ => MonotonicGuid.Next(now)).ToList();

        // As SQLite stores them (upper-case text) and as PostgreSQL compares uuids (bytes, big-endian).
        Assert.Equal(ids, ids.OrderBy(id => id.ToString().ToUpperInvariant(), StringComparer.Ordinal));
        Assert.Equal(ids, ids.OrderBy(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)), StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
        // The timestamp is the clock's, borrowing the next milliseconds only after 4096 ids.
        var first = Convert.ToInt64(Convert.ToHexString(ids[0].ToByteArray(bigEndian: true))[..12], 16);
        Assert.True(first >= now.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void A_clock_that_steps_back_does_not_break_the_order()
    {
        var now = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var later = MonotonicGuid.Next(now);

        var afterStepBack = MonotonicGuid.Next(now.AddSeconds(-5));

        Assert.True(string.CompareOrdinal(later.ToString(), afterStepBack.ToString()) < 0);
    }
}
