using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Search;

/// <summary>A hit. <paramref name="Title"/> and <paramref name="Snippet"/> carry the database's hit marks; show them through <see cref="SearchSnippet.ToHtml"/>.</summary>
public sealed record SearchHit(string Area, string Title, string Url, DateTimeOffset? Date, string Snippet);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>
/// Swedish full-text search over the index. PostgreSQL: the query is read by websearch_to_tsquery with the
/// swedish configuration (so "deltagarna" finds "deltagare": both stem to "deltag"; quotes, "or" and "-" work as on
/// the web), ranked by ts_rank with titles weighted above text, and titles and snippets marked by ts_headline. SQLite:
/// the query's words become FTS5 prefix terms ("workshop" finds "workshoppar"; no stemming; words under three letters
/// match whole), ranked by bm25 with the
/// same weighting, titles marked by highlight() and snippets cut by snippet(). Entries whose <see cref="SearchEntry.VisibleFrom"/> lies ahead of the
/// injected clock are never found.
/// </summary>
public sealed partial class SiteSearch(AppDbContext db, TimeProvider time)
{
    public const int PageSize = 10;
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;
    private const int MinPrefixLength = 3;

    /// <summary>ts_headline's options: the marks <see cref="SearchSnippet"/> turns into highlights, and about 35 words.</summary>
    private static readonly string HeadlineOptions =
        $"StartSel={SearchSnippet.StartMark}, StopSel={SearchSnippet.EndMark}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>The whole title, with its hits marked.</summary>
    private static readonly string TitleOptions = $"StartSel={SearchSnippet.StartMark}, StopSel={SearchSnippet.EndMark}, HighlightAll=true";

    public async Task<SearchResults> SearchAsync(string query, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        var skip = (Math.Max(page, 1) - 1) * PageSize;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsNpgsql())
            {
                return await SearchPostgresAsync(connection, query, now, page, skip, cancellationToken);
            }
            var match = Fts5Query(query);
            if (match.Length == 0)
            {
                return new([], 0, page, PageSize);
            }
            return await SearchSqliteAsync(connection, match, now, page, skip, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The words of a query as an FTS5 expression of quoted terms, all required: "årsredovisning"* "2019"*. Words of
    /// three letters or more are prefixes; shorter ones must match whole ("in" should not find "inte" and "insats").
    /// </summary>
    public static string Fts5Query(string query)
    {
        var terms = Word().Matches(query ?? "").Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms);
        return string.Join(' ', terms.Select(t => "\"" + t + (t.Length >= MinPrefixLength ? "\"*" : "\"")));
    }


    private static async Task<SearchResults> SearchPostgresAsync(DbConnection connection, string query, DateTimeOffset now, int page, int skip,
        CancellationToken cancellationToken)
    {
        const string Where = """
            FROM "SearchEntries" e, websearch_to_tsquery('swedish', @query) q
            WHERE e."SearchVector" @@ q AND (e."VisibleFrom" IS NULL OR e."VisibleFrom" <= @now)
            """;
        var total = Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) " + Where, cancellationToken,
            ("query", query), ("now", now)), CultureInfo.InvariantCulture);
        if (total == 0 || skip >= total)
        {
            return new([], total, page, PageSize);
        }
        // The ranking picks the page's rows first, so ts_headline (which re-reads each text) runs for those rows only.
        var hits = await ReadHitsAsync(connection, $"""
            SELECT e."Area", ts_headline('swedish', e."Title", q, @titleOptions), e."Url", e."Date", ts_headline('swedish', e."Text", q, @options)
            FROM (
                SELECT e."Id", ts_rank(e."SearchVector", q) AS rank, e."Date"
                {Where}
                ORDER BY rank DESC, e."Date" DESC NULLS LAST, e."Id" DESC
                LIMIT @take OFFSET @skip
            ) hit
            JOIN "SearchEntries" e ON e."Id" = hit."Id"
            CROSS JOIN websearch_to_tsquery('swedish', @query) q
            ORDER BY hit.rank DESC, hit."Date" DESC NULLS LAST, e."Id" DESC
            """, ticks: false, cancellationToken,
            ("query", query), ("now", now), ("options", HeadlineOptions), ("titleOptions", TitleOptions), ("take", PageSize), ("skip", skip));
        return new(hits, total, page, PageSize);
    }

    private static async Task<SearchResults> SearchSqliteAsync(DbConnection connection, string match, DateTimeOffset now, int page, int skip,
        CancellationToken cancellationToken)
    {
        const string Where = """
            FROM "SearchEntriesFts" JOIN "SearchEntries" e ON e."Id" = "SearchEntriesFts".rowid
            WHERE "SearchEntriesFts" MATCH @match AND (e."VisibleFrom" IS NULL OR e."VisibleFrom" <= @now)
            """;
        var total = Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) " + Where, cancellationToken,
            ("match", match), ("now", now.UtcTicks)), CultureInfo.InvariantCulture);
        if (total == 0 || skip >= total)
        {
            return new([], total, page, PageSize);
        }
        var hits = await ReadHitsAsync(connection, $"""
            SELECT e."Area", highlight("SearchEntriesFts", 0, @start, @end), e."Url", e."Date", snippet("SearchEntriesFts", 1, @start, @end, '…', 30)
            {Where}
            ORDER BY bm25("SearchEntriesFts", 10.0, 1.0), e."Date" DESC, e."Id" DESC
            LIMIT @take OFFSET @skip
            """, ticks: true, cancellationToken,
            ("match", match), ("now", now.UtcTicks), ("start", SearchSnippet.StartMark.ToString()), ("end", SearchSnippet.EndMark.ToString()),
            ("take", PageSize), ("skip", skip));
        return new(hits, total, page, PageSize);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<List<SearchHit>> ReadHitsAsync(DbConnection connection, string sql, bool ticks, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? date = reader.IsDBNull(3) ? null
                : ticks ? new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)
                : reader.GetFieldValue<DateTimeOffset>(3);
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), date, reader.IsDBNull(4) ? "" : reader.GetString(4)));
        }
        return hits;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A run of letters and digits (å, ä, ö included): what FTS5's unicode61 tokenizer calls a token.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
