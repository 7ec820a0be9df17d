using Microsoft.EntityFrameworkCore;

namespace Samordna.Tests.Platform.Data;

/// <summary>
/// Migrations are written by hand (the EF design package is not available), so nothing else checks that they build
/// what the model describes. These tests build one database from the migrations and one from the model, on the
/// provider of this run, and compare what the two databases' catalogs say.
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Migrations_build_the_same_schema_as_the_model()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var migrated = await ReadSchemaAsync(fromMigrations: true, cancellationToken);
        var model = await ReadSchemaAsync(fromMigrations: false, cancellationToken);

        var differences = SchemaCatalog.Compare(migrated, model);

        Assert.True(differences.Count == 0,
            $"The migrations build a different schema than the model on {ScratchDatabase.ProviderName} ({differences.Count} difference(s)). " +
            "Fix the hand-written migration in src/Samordna.Web/Platform/Data/Migrations (or the entity configuration) until these lines are gone:" +
            Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", differences));
    }

    [Fact]
    public async Task Schema_reader_sees_tables_columns_keys_indexes_and_foreign_keys()
    {
        // Guards the guard: if the catalog queries returned nothing, the comparison above would pass vacuously.
        var schema = await ReadSchemaAsync(fromMigrations: false, TestContext.Current.CancellationToken);
        var facts = schema.Facts;

        Assert.Equal("exists", facts["table \"AuditEntries\""]);
        Assert.DoesNotContain(facts.Keys, k => k.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
        Assert.StartsWith("PK_AuditEntries (Id)", facts["primary key of \"AuditEntries\""], StringComparison.Ordinal);
        Assert.Equal("(Action, At)", facts["index \"IX_AuditEntries_Action_At\" on \"AuditEntries\""]);
        Assert.Equal("UNIQUE (NormalizedName)", facts["index \"RoleNameIndex\" on \"AspNetRoles\""]);
        Assert.Equal("FK_AspNetUserRoles_AspNetRoles_RoleId references (Id) ON DELETE CASCADE",
            facts["foreign key \"AspNetUserRoles\"(RoleId) -> \"AspNetRoles\""]);
        Assert.EndsWith("NOT NULL", facts["column \"AuditEntries\".\"ActorName\""], StringComparison.Ordinal);
        Assert.EndsWith(" NULL", facts["column \"AuditEntries\".\"Details\""], StringComparison.Ordinal);
        if (ScratchDatabase.UsesPostgres)
        {
            Assert.Equal("character varying(256) NOT NULL", facts["column \"AuditEntries\".\"ActorName\""]);
            Assert.Equal("timestamp with time zone NOT NULL", facts["column \"AuditEntries\".\"At\""]);
        }
        else
        {
            Assert.Equal("TEXT NOT NULL", facts["column \"AuditEntries\".\"ActorName\""]);
            Assert.Equal("INTEGER NOT NULL", facts["column \"AuditEntries\".\"At\""]);
        }
    }

    [Fact]
    public async Task Comparison_names_what_a_migration_got_wrong()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await ScratchDatabase.CreateAsync("schema", cancellationToken);
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            // What a careless migration might do: forget one index and add another that the model does not have.
            await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_AuditEntries_At" """, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("""CREATE INDEX "IX_UserSessions_Device" ON "UserSessions" ("Device")""", cancellationToken);
        }
        SchemaCatalog broken;
        await using (var db = database.CreateContext())
        {
            broken = await SchemaCatalog.ReadAsync(db, cancellationToken);
        }
        var model = await ReadSchemaAsync(fromMigrations: false, cancellationToken);

        var differences = SchemaCatalog.Compare(broken, model);

        Assert.Equal(2, differences.Count);
        Assert.Contains("missing from the migrations: index \"IX_AuditEntries_At\" on \"AuditEntries\": (At)", differences);
        Assert.Contains("only in the migrations (not in the model): index \"IX_UserSessions_Device\" on \"UserSessions\": (Device)", differences);
    }

    private static async Task<SchemaCatalog> ReadSchemaAsync(bool fromMigrations, CancellationToken cancellationToken)
    {
        await using var database = await ScratchDatabase.CreateAsync(fromMigrations ? "migrated" : "model", cancellationToken);
        await using var db = database.CreateContext();
        if (fromMigrations)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            Assert.True(await db.Database.EnsureCreatedAsync(cancellationToken));
        }
        return await SchemaCatalog.ReadAsync(db, cancellationToken);
    }
}
