using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>
/// The site's search index (Platform/Search). The table is in EF's model; its full-text parts are not, and are
/// written here per provider: on PostgreSQL a stored tsvector column (swedish configuration, title weight A, text
/// weight B) with a GIN index; on SQLite an external-content FTS5 table over Title and Text (unicode61 without removing
/// diacritics, so å, ä and ö stay letters of their own), kept in step with the table by triggers. The schema test
/// knows to ignore exactly these objects.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127133000_Search")]
public sealed class Search : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SearchEntries",
            columns: table => new
            {
                Id = table.IdentityLong(),
                Area = table.Column<string>(maxLength: 20, nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Text = table.Column<string>(nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: false),
                Date = table.Instant(migrationBuilder, nullable: true),
                VisibleFrom = table.Instant(migrationBuilder, nullable: true),
                IndexedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_SearchEntries", x => x.Id));

        migrationBuilder.CreateIndex("IX_SearchEntries_Area_Key", "SearchEntries", ["Area", "Key"], unique: true);

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntriesFts" USING fts5(
                    "Title", "Text", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_FtsInsert" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"(rowid, "Title", "Text") VALUES (new."Id", new."Title", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_FtsDelete" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Title", "Text") VALUES ('delete', old."Id", old."Title", old."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_FtsUpdate" AFTER UPDATE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Title", "Text") VALUES ('delete', old."Id", old."Title", old."Text");
                    INSERT INTO "SearchEntriesFts"(rowid, "Title", "Text") VALUES (new."Id", new."Title", new."Text");
                END;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('swedish'::regconfig, "Title"), 'A') || setweight(to_tsvector('swedish'::regconfig, "Text"), 'B')
                ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_SearchVector" ON "SearchEntries" USING gin ("SearchVector");""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_FtsUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_FtsDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_FtsInsert";""");
            migrationBuilder.Sql("""DROP TABLE "SearchEntriesFts";""");
        }
        migrationBuilder.DropTable("SearchEntries");
    }
}
