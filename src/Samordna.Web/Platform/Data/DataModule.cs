using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Data;

public static class DataModule
{
    public const string SqliteProviderName = "Sqlite";
    public const string PostgresProviderName = "Postgres";

    /// <summary>
    /// SQLite in the data folder by default; PostgreSQL when Database:Provider is "Postgres" with
    /// ConnectionStrings:Samordna. Same model, same hand-written migrations.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? SqliteProviderName;
        var connectionString = builder.Configuration.GetConnectionString("Samordna");
        var dataDirectory = builder.Configuration.GetDataDirectory(builder.Environment);

        builder.Services.AddDbContext<AppDbContext>(options =>
        {
            if (string.Equals(provider, PostgresProviderName, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Samordna is empty. Set ConnectionStrings__Samordna, e.g. \"Host=localhost;Database=samordna;Username=samordna;Password=...\".");
                }
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name));
            }
            else if (string.Equals(provider, SqliteProviderName, StringComparison.OrdinalIgnoreCase))
            {
                var sqlite = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(dataDirectory, "samordna.db")}"
                    : connectionString;
                options.UseSqlite(sqlite);
            }
            else
            {
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported. Use Sqlite or Postgres.");
            }
        });

        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

        builder.Services.AddDataProtection().SetApplicationName("Samordna");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DbXmlRepository(services.GetRequiredService<IServiceScopeFactory>())));
        return builder;
    }

    /// <summary>Applies pending migrations; on SQLite also turns on WAL so readers do not wait for the writer.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync();
    }
}
