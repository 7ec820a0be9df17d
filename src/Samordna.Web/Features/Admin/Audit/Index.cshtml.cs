using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.Admin.Audit;

/// <summary>The audit log, filtered by event, person or text, and a date range in Swedish time.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Handelse { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fran { get; set; }
    [BindProperty(SupportsGet = true)] public string? Till { get; set; }
    [BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public int Total { get; private set; }
    public string? DateError { get; private set; }

    public async Task OnGetAsync()
    {
        Sida = Math.Max(1, Sida);
        Actions = await db.Set<AuditEntry>().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync();
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Handelse))
        {
            query = query.Where(a => a.Action == Handelse);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Inside an EF query: translated to SQL UPPER(), never run with .NET culture rules.
            query = query.Where(a => a.ActorName.ToUpper().Contains(q) || (a.Details != null && a.Details.ToUpper().Contains(q)) || a.SubjectId == Q.Trim());
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (ParseDate(Fran, "Från och med") is DateTime from)
        {
            var start = StockholmTime.FromStockholm(from);
            query = query.Where(a => a.At >= start);
        }
        if (ParseDate(Till, "Till och med") is DateTime to)
        {
            var end = StockholmTime.FromStockholm(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        Total = await query.CountAsync();
        Entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((Sida - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    private DateTime? ParseDate(string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        DateError = $"{label}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-27.";
        return null;
    }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/admin/logg", new Dictionary<string, string?>
    {
        ["handelse"] = Handelse,
        ["q"] = Q,
        ["fran"] = Fran,
        ["till"] = Till,
        ["sida"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary());
}
