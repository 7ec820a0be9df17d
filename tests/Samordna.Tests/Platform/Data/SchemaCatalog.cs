using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Tests.Platform.Data;

/// <summary>
/// A database schema as the database itself reports it (its catalog, not EF's model), flattened into facts:
/// a key naming one object ("column "AuditEntries"."Action"") and a description of it ("TEXT NOT NULL").
/// Two schemas are equal when they hold the same facts; <see cref="Compare"/> lists every fact that differs.
/// Triggers, functions and EF's own bookkeeping tables (migrations history, SQLite's migration lock) are left out on purpose,
/// and so are the full-text objects that the Search migration writes in SQL because EF's model cannot describe them
/// (<see cref="FullTextTables"/>, <see cref="FullTextFacts"/>).
/// </summary>
public sealed partial class SchemaCatalog
{
    /// <summary>SQLite: the search index's FTS5 virtual table and the shadow tables FTS5 makes for it.</summary>
    public static readonly IReadOnlySet<string> FullTextTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "SearchEntriesFts", "SearchEntriesFts_config", "SearchEntriesFts_data", "SearchEntriesFts_docsize", "SearchEntriesFts_idx",
    };

    /// <summary>PostgreSQL: the search index's generated tsvector column and its GIN index.</summary>
    public static readonly IReadOnlySet<string> FullTextFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        "column \"SearchEntries\".\"SearchVector\"",
        "index \"IX_SearchEntries_SearchVector\" on \"SearchEntries\"",
    };

    /// <summary>EF's own tables: "__EFMigrationsHistory" and, on SQLite, "__EFMigrationsLock". Application tables never start with "__".</summary>
    private const string EfTablePattern = @"\_\_EFMigrations%";

    private readonly SortedDictionary<string, string> facts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Facts => facts;

    public static async Task<SchemaCatalog> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var catalog = new SchemaCatalog();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (db.Database.IsNpgsql())
            {
                await catalog.ReadPostgresAsync(connection, cancellationToken);
            }
            else if (db.Database.IsSqlite())
            {
                await catalog.ReadSqliteAsync(connection, cancellationToken);
            }
            else
            {
                throw new NotSupportedException($"No catalog reader for {db.Database.ProviderName}.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return catalog;
    }

    /// <summary>Every difference between the migrated schema and the model's, one line each; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(SchemaCatalog migrated, SchemaCatalog model)
    {
        ArgumentNullException.ThrowIfNull(migrated);
        ArgumentNullException.ThrowIfNull(model);
        var lines = new List<string>();
        foreach (var (key, expected) in model.facts)
        {
            if (!migrated.facts.TryGetValue(key, out var actual))
            {
                lines.Add($"missing from the migrations: {key}: {expected}");
            }
            else if (actual != expected)
            {
                lines.Add($"differs: {key}: the migrations make '{actual}', the model wants '{expected}'");
            }
        }
        foreach (var (key, actual) in migrated.facts)
        {
            if (!model.facts.ContainsKey(key))
            {
                lines.Add($"only in the migrations (not in the model): {key}: {actual}");
            }
        }
        return lines;
    }

    private void Add(string key, string description)
    {
        if (FullTextFacts.Contains(key))
        {
            return;
        }
        if (!facts.TryAdd(key, description))
        {
            // Two objects that normalise to one key (e.g. two identical foreign keys) must still both be seen.
            facts[key] = facts[key] + " | " + description;
        }
    }

    private static string Quote(string name) => $"\"{name}\"";

    private static string Columns(IEnumerable<string> names) => "(" + string.Join(", ", names) + ")";

    // ---------------------------------------------------------------- SQLite

    private async Task ReadSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE $ef ESCAPE '\\' ORDER BY name",
            cancellationToken, ("$ef", EfTablePattern));
        var indexSql = (await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL", cancellationToken))
            .ToDictionary(r => (string)r["name"]!, r => (string)r["sql"]!, StringComparer.Ordinal);

        foreach (var table in tables)
        {
            var name = (string)table["name"]!;
            if (FullTextTables.Contains(name))
            {
                continue;
            }
            var createSql = (string?)table["sql"] ?? "";
            var t = Quote(name);
            Add($"table {t}", "exists");

            var columns = await QueryAsync(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($t)", cancellationToken, ("$t", name));
            foreach (var column in columns)
            {
                var description = new StringBuilder((string)column["type"]!);
                description.Append(Convert.ToInt64(column["notnull"], CultureInfo.InvariantCulture) == 1 ? " NOT NULL" : " NULL");
                if (column["dflt_value"] is string defaultValue)
                {
                    description.Append(" DEFAULT ").Append(defaultValue);
                }
                Add($"column {t}.{Quote((string)column["name"]!)}", description.ToString());
            }

            var keyColumns = columns.Where(c => Convert.ToInt64(c["pk"], CultureInfo.InvariantCulture) > 0)
                .OrderBy(c => Convert.ToInt64(c["pk"], CultureInfo.InvariantCulture)).Select(c => (string)c["name"]!).ToList();
            if (keyColumns.Count > 0)
            {
                var pkName = SqlitePrimaryKeyName().Match(createSql) is { Success: true } m ? m.Groups[1].Value : "(unnamed)";
                var autoincrement = createSql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " AUTOINCREMENT" : "";
                Add($"primary key of {t}", $"{pkName} {Columns(keyColumns)}{autoincrement}");
            }

            foreach (var index in await QueryAsync(connection, "SELECT name, \"unique\", origin FROM pragma_index_list($t)", cancellationToken, ("$t", name)))
            {
                var indexName = (string)index["name"]!;
                var origin = (string)index["origin"]!;
                if (origin == "pk")
                {
                    continue;
                }
                var indexColumns = (await QueryAsync(connection, "SELECT name FROM pragma_index_info($i) ORDER BY seqno", cancellationToken, ("$i", indexName)))
                    .Select(c => (string?)c["name"] ?? "<expression>").ToList();
                if (origin == "u")
                {
                    Add($"unique constraint on {t} {Columns(indexColumns)}", "exists");
                    continue;
                }
                var unique = Convert.ToInt64(index["unique"], CultureInfo.InvariantCulture) == 1 ? "UNIQUE " : "";
                var filter = indexSql.TryGetValue(indexName, out var sql) && SqliteIndexFilter().Match(sql) is { Success: true } f
                    ? " WHERE " + Squeeze(f.Groups[1].Value)
                    : "";
                Add($"index {Quote(indexName)} on {t}", $"{unique}{Columns(indexColumns)}{filter}");
            }

            var foreignKeyNames = SqliteForeignKey().Matches(createSql)
                .ToDictionary(m => string.Join(", ", m.Groups[2].Value.Split(',').Select(c => c.Trim().Trim('"'))), m => m.Groups[1].Value, StringComparer.Ordinal);
            var foreignKeys = await QueryAsync(connection, "SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($t)", cancellationToken, ("$t", name));
            foreach (var foreignKey in foreignKeys.GroupBy(f => Convert.ToInt64(f["id"], CultureInfo.InvariantCulture)))
            {
                var parts = foreignKey.OrderBy(f => Convert.ToInt64(f["seq"], CultureInfo.InvariantCulture)).ToList();
                var from = parts.Select(p => (string)p["from"]!).ToList();
                var to = parts.Select(p => (string?)p["to"] ?? "<primary key>").ToList();
                var principal = (string)parts[0]["table"]!;
                var onDelete = (string)parts[0]["on_delete"]!;
                var fkName = foreignKeyNames.TryGetValue(string.Join(", ", from), out var n) ? n : "(unnamed)";
                Add($"foreign key {t}{Columns(from)} -> {Quote(principal)}", $"{fkName} references {Columns(to)} ON DELETE {onDelete}");
            }
        }
    }

    private static string Squeeze(string sql) => Whitespace().Replace(sql.Trim(), " ");

    [GeneratedRegex("""CONSTRAINT\s+"([^"]+)"\s+PRIMARY\s+KEY""", RegexOptions.IgnoreCase)]
    private static partial Regex SqlitePrimaryKeyName();

    [GeneratedRegex("""CONSTRAINT\s+"([^"]+)"\s+FOREIGN\s+KEY\s*\(([^)]*)\)""", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteForeignKey();

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SqliteIndexFilter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // ---------------------------------------------------------------- PostgreSQL

    private async Task ReadPostgresAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var ef = ("@ef", (object)EfTablePattern);

        foreach (var table in await QueryAsync(connection, """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE @ef
            """, cancellationToken, ef))
        {
            Add($"table {Quote((string)table["table_name"]!)}", "exists");
        }

        foreach (var column in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation, is_generated, generation_expression
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name NOT LIKE @ef
              AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
            """, cancellationToken, ef))
        {
            var dataType = (string)column["data_type"]!;
            var description = new StringBuilder(dataType is "ARRAY" or "USER-DEFINED" ? (string)column["udt_name"]! : dataType);
            if (column["character_maximum_length"] is int maxLength)
            {
                description.Append(CultureInfo.InvariantCulture, $"({maxLength})");
            }
            if (dataType == "numeric" && column["numeric_precision"] is int precision)
            {
                description.Append(CultureInfo.InvariantCulture, $"({precision},{column["numeric_scale"]})");
            }
            description.Append((string)column["is_nullable"]! == "YES" ? " NULL" : " NOT NULL");
            if ((string)column["is_identity"]! == "YES")
            {
                description.Append(" GENERATED ").Append((string?)column["identity_generation"]).Append(" AS IDENTITY");
            }
            if ((string)column["is_generated"]! == "ALWAYS")
            {
                description.Append(" GENERATED ALWAYS AS ").Append((string?)column["generation_expression"]);
            }
            if (column["column_default"] is string defaultValue)
            {
                description.Append(" DEFAULT ").Append(defaultValue);
            }
            Add($"column {Quote((string)column["table_name"]!)}.{Quote((string)column["column_name"]!)}", description.ToString());
        }

        foreach (var constraint in await QueryAsync(connection, """
            SELECT c.conname, c.contype::text AS contype, t.relname AS table_name, p.relname AS principal, c.confdeltype::text AS on_delete,
                   pg_get_constraintdef(c.oid) AS definition,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) AS principal_columns
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class p ON p.oid = c.confrelid
            WHERE n.nspname = current_schema() AND t.relname NOT LIKE @ef AND c.contype IN ('p', 'f', 'u', 'c')
            """, cancellationToken, ef))
        {
            var t = Quote((string)constraint["table_name"]!);
            var name = (string)constraint["conname"]!;
            var columns = Columns((string[])constraint["columns"]!);
            switch ((string)constraint["contype"]!)
            {
                case "p":
                    Add($"primary key of {t}", $"{name} {columns}");
                    break;
                case "u":
                    Add($"unique constraint on {t} {columns}", name);
                    break;
                case "c":
                    Add($"check constraint {Quote(name)} on {t}", (string)constraint["definition"]!);
                    break;
                case "f":
                    var onDelete = (string)constraint["on_delete"]! switch
                    {
                        "a" => "NO ACTION",
                        "r" => "RESTRICT",
                        "c" => "CASCADE",
                        "n" => "SET NULL",
                        "d" => "SET DEFAULT",
                        var other => other,
                    };
                    Add($"foreign key {t}{columns} -> {Quote((string)constraint["principal"]!)}",
                        $"{name} references {Columns((string[])constraint["principal_columns"]!)} ON DELETE {onDelete}");
                    break;
            }
        }

        foreach (var index in await QueryAsync(connection, """
            SELECT i.relname AS index_name, t.relname AS table_name, x.indisunique, am.amname,
                   pg_get_expr(x.indpred, x.indrelid) AS filter,
                   ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnatts) k ORDER BY k) AS columns
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE n.nspname = current_schema() AND t.relname NOT LIKE @ef
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
            """, cancellationToken, ef))
        {
            var description = new StringBuilder((bool)index["indisunique"]! ? "UNIQUE " : "");
            var method = (string)index["amname"]!;
            if (method != "btree")
            {
                description.Append("USING ").Append(method).Append(' ');
            }
            description.Append(Columns(((string[])index["columns"]!).Select(c => c.Trim('"'))));
            if (index["filter"] is string filter)
            {
                description.Append(" WHERE ").Append(filter);
            }
            Add($"index {Quote((string)index["index_name"]!)} on {Quote((string)index["table_name"]!)}", description.ToString());
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static async Task<List<Dictionary<string, object?>>> QueryAsync(DbConnection connection, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
