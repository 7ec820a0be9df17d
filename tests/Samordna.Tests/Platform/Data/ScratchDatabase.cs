using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samordna.Web.Platform.Data;

namespace Samordna.Tests.Platform.Data;

/// <summary>
/// An empty database of its own, outside the web host, on the provider this run tests: a SQLite file by default,
/// a PostgreSQL database when SAMORDNA_TEST_POSTGRES holds a server connection string. Removed on dispose.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("SAMORDNA_TEST_POSTGRES");

    private readonly string connectionString;
    private readonly string? postgresDatabase;
    private readonly string? sqliteFile;

    private ScratchDatabase(string connectionString, string? postgresDatabase, string? sqliteFile)
    {
        this.connectionString = connectionString;
        this.postgresDatabase = postgresDatabase;
        this.sqliteFile = sqliteFile;
    }

    public static bool UsesPostgres => !string.IsNullOrEmpty(PostgresServer);

    public static string ProviderName => UsesPostgres ? "PostgreSQL" : "SQLite";

    public static async Task<ScratchDatabase> CreateAsync(string purpose, CancellationToken cancellationToken)
    {
        if (UsesPostgres)
        {
            var name = $"samordna_{purpose}_{Guid.NewGuid().ToString("N")[..12]}";
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            // No pooling: nothing keeps a connection open once the test is done, so the database drops cleanly.
            var database = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false };
            return new ScratchDatabase(database.ConnectionString, name, null);
        }
        var folder = Path.Combine(Path.GetTempPath(), "samordna-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{purpose}-{Guid.NewGuid():N}.db");
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false };
        return new ScratchDatabase(sqlite.ToString(), null, file);
    }

    /// <summary>A context built the way the web host builds it, minus the host.</summary>
    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (postgresDatabase is not null)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }
        return new AppDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        if (sqliteFile is not null)
        {
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", sqliteFile + "-journal" })
            {
                File.Delete(file);
            }
        }
    }
}
