using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Samordna.Web.Platform.Data;

/// <summary>
/// Helpers for hand-written, provider-neutral migrations (the EF design-time package is not available here).
/// Column types are left to the provider; only what differs per provider is decided here.
/// </summary>
public static class MigrationHelpers
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public static bool IsSqlite(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == SqliteProvider;

    /// <summary>A UTC instant: timestamptz on PostgreSQL, UTC ticks (INTEGER) on SQLite, matching AppDbContext's conventions.</summary>
    public static OperationBuilder<AddColumnOperation> Instant(this ColumnsBuilder columns, MigrationBuilder migrationBuilder, bool nullable = false) =>
        migrationBuilder.IsSqlite()
            ? columns.Column<long>(nullable: nullable)
            : columns.Column<DateTimeOffset>(nullable: nullable);

    /// <summary>An auto-incrementing integer key on both providers.</summary>
    public static OperationBuilder<AddColumnOperation> IdentityInt(this ColumnsBuilder columns) =>
        columns.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>An auto-incrementing 64-bit key on both providers.</summary>
    public static OperationBuilder<AddColumnOperation> IdentityLong(this ColumnsBuilder columns) =>
        columns.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
