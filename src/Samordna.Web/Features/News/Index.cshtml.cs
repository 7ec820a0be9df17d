using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News;

/// <summary>
/// The news list: the latest at /nyheter, one year at /nyheter/2020, one month at /nyheter/2020/03, ten to a page
/// (?sida=2), beside the archive's years and months with their counts. An empty period says so and points to the
/// nearest earlier and later periods that have news.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(NewsQueries news) : PageModel
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    public int? Year { get; private set; }
    public int? Month { get; private set; }
    public NewsPage Results { get; private set; } = new([], 1, NewsQueries.PageSize, 0);
    public IReadOnlyList<ArchivePeriod> Archive { get; private set; } = [];
    public PeriodLink? Earlier { get; private set; }
    public PeriodLink? Later { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year, string? month, [FromQuery(Name = "sida")] string? page, CancellationToken cancellationToken)
    {
        if (year is not null)
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < MinYear or > MaxYear)
            {
                return NotFound();
            }
            Year = y;
        }
        if (month is not null)
        {
            if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                return NotFound();
            }
            Month = m;
        }
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            return NotFound();
        }
        // One address per period: /nyheter/2020/3 and /nyheter/2020/03?sida=1 lead to /nyheter/2020/03.
        var canonical = Year is { } cy ? NewsUrls.Period(cy, Month) : NewsUrls.Root;
        if (!string.Equals(Request.Path.Value, canonical, StringComparison.Ordinal) || page == "1" || page is { Length: > 1 } && page[0] == '0')
        {
            return RedirectPermanent(canonical + (pageNumber > 1 ? "?sida=" + pageNumber.ToString(CultureInfo.InvariantCulture) : ""));
        }

        Results = await news.ListAsync(Year, Month, pageNumber, cancellationToken);
        if (pageNumber > Results.PageCount)
        {
            return NotFound();
        }
        Archive = await news.ArchiveAsync(cancellationToken);
        if (Results.Total == 0 && Year is { } year2)
        {
            FindNeighbours(year2, Month);
        }
        return Page();
    }

    private void FindNeighbours(int year, int? month)
    {
        if (month is { } m)
        {
            var key = (year * 12) + m;
            var earlier = Archive.Where(p => (p.Year * 12) + p.Month < key).MaxBy(p => (p.Year * 12) + p.Month);
            var later = Archive.Where(p => (p.Year * 12) + p.Month > key).MinBy(p => (p.Year * 12) + p.Month);
            Earlier = earlier is null ? null : new PeriodLink(NewsUrls.Period(earlier.Year, earlier.Month), MonthLabel(earlier.Year, earlier.Month), earlier.Count);
            Later = later is null ? null : new PeriodLink(NewsUrls.Period(later.Year, later.Month), MonthLabel(later.Year, later.Month), later.Count);
        }
        else
        {
            var years = Archive.GroupBy(p => p.Year).Select(g => (Year: g.Key, Count: g.Sum(p => p.Count))).ToList();
            var earlier = years.Where(p => p.Year < year).OrderByDescending(p => p.Year).FirstOrDefault();
            var later = years.Where(p => p.Year > year).OrderBy(p => p.Year).FirstOrDefault();
            Earlier = earlier.Count == 0 ? null : new PeriodLink(NewsUrls.Period(earlier.Year), earlier.Year.ToString(CultureInfo.InvariantCulture), earlier.Count);
            Later = later.Count == 0 ? null : new PeriodLink(NewsUrls.Period(later.Year), later.Year.ToString(CultureInfo.InvariantCulture), later.Count);
        }
    }

    /// <summary>"mars 2020", or "March 2020" for a visitor who switched to English.</summary>
    public static string MonthLabel(int year, int month) =>
        MonthName(month) + " " + year.ToString(CultureInfo.InvariantCulture);

    public static string MonthName(int month) =>
        (Tr.IsEnglish ? CultureInfo.GetCultureInfo("en") : StockholmTime.Swedish).DateTimeFormat.GetMonthName(month);

    public string Heading => Year is { } y
        ? Month is { } m ? MonthLabel(y, m) : y.ToString(CultureInfo.InvariantCulture)
        : "";

    public string PageUrl(int page)
    {
        var path = Year is { } y ? NewsUrls.Period(y, Month) : NewsUrls.Root;
        return page <= 1 ? path : path + "?sida=" + page.ToString(CultureInfo.InvariantCulture);
    }

    public sealed record PeriodLink(string Url, string Label, int Count);
}
