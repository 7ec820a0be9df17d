using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>Editable pages of the public website and their revision history.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127120200_ContentPages")]
public sealed class ContentPages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentPages",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Slug = table.Column<string>(maxLength: 80, nullable: false),
                Title = table.Column<string>(maxLength: 150, nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                UpdatedById = table.Column<Guid>(nullable: true),
                UpdatedByName = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentPages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContentPageRevisions",
            columns: table => new
            {
                Id = table.IdentityInt(),
                PageId = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 150, nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                Body = table.Column<string>(nullable: false),
                SavedAt = table.Instant(migrationBuilder),
                SavedById = table.Column<Guid>(nullable: true),
                SavedByName = table.Column<string>(maxLength: 256, nullable: false),
                Note = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentPageRevisions", x => x.Id);
                table.ForeignKey("FK_ContentPageRevisions_ContentPages_PageId", x => x.PageId, "ContentPages", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ContentPages_Slug", "ContentPages", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_ContentPageRevisions_PageId_Version", "ContentPageRevisions", ["PageId", "Version"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ContentPageRevisions");
        migrationBuilder.DropTable("ContentPages");
    }
}
